"""The device from the config: `auto` picks CUDA when present and never requires it."""

from __future__ import annotations

import re

import torch

from gankit.core.errors import GankitError


def pick_device(spec: str) -> torch.device:
    if spec == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if spec == "cpu":
        return torch.device("cpu")
    if re.fullmatch(r"cuda(:\d+)?", spec):
        if not torch.cuda.is_available():
            raise GankitError(f"device={spec} was asked for but CUDA is not available; use device=auto")
        return torch.device(spec)
    raise GankitError(f"device={spec!r} is not allowed; choose one of: auto, cpu, cuda, cuda:N")
