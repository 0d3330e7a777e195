"""Using an encoder critic with its generator (O-GAN, Su 2019): codes, reconstructions and
interpolations. Codes are standardised, 𝒩(E(x)), so they look like draws of z ~ N(0, I)."""

from __future__ import annotations

import torch
from torch import Tensor, nn


def standardise(codes: Tensor) -> Tensor:
    """𝒩(v) = (v - avg v) / std v over each row's entries (population std, eq. 2)."""
    codes = codes.float()
    centred = codes - codes.mean(dim=1, keepdim=True)
    return centred / centred.pow(2).mean(dim=1, keepdim=True).sqrt().clamp_min(1e-12)


def encode(critic: nn.Module, x: Tensor, labels: Tensor | None = None) -> Tensor:
    """𝒩(E(x)), N×z_dim in float32."""
    if getattr(critic, "code_dim", None) is None:
        raise TypeError("the critic is not an encoder (train with wrappers.ogan)")
    return standardise(critic(x, labels).code)


def reconstruct(generator: nn.Module, critic: nn.Module, x: Tensor,
                temperature: float = 1.0, labels: Tensor | None = None) -> Tensor:
    """x̂ = G(temperature · 𝒩(E(x))); the author's scripts use a temperature of 0.9 (or 0.8)."""
    return generator(temperature * encode(critic, x, labels), labels)


def interpolate(start: Tensor, end: Tensor, steps: int) -> Tensor:
    """`steps` codes on the straight line from each start row to its end row: (N·steps)×D,
    row-major by pair."""
    weights = torch.linspace(0.0, 1.0, steps, device=start.device).view(1, steps, 1)
    line = start.unsqueeze(1) * (1 - weights) + end.unsqueeze(1) * weights
    return line.reshape(-1, start.shape[1])
