"""Reconstruction errors used as energies by autoencoder critics, one value per sample."""

from __future__ import annotations

import torch
from torch import Tensor


def reconstruction_error(x: Tensor, reconstruction: Tensor, kind: str) -> Tensor:
    """l2: the Euclidean norm of the difference; sse: its square (sum of squared errors);
    mse: the mean squared error over each sample's entries; l1: the mean absolute error."""
    diff = (reconstruction.float() - x.float()).flatten(1)
    if kind == "sse":
        return diff.pow(2).sum(dim=1)
    if kind == "mse":
        return diff.pow(2).mean(dim=1)
    if kind == "l1":
        return diff.abs().mean(dim=1)
    if kind == "l2":
        return torch.linalg.vector_norm(diff, dim=1)
    raise ValueError(f"unknown energy {kind!r}")
