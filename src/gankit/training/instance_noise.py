"""Instance noise (Sønderby et al. 2017; Arjovsky & Bottou 2017): Gaussian noise on every critic
input, its standard deviation annealed linearly from `std` to 0 over `anneal_steps` steps."""

from __future__ import annotations

import torch
from torch import Tensor


class InstanceNoise:
    def __init__(self, std: float, anneal_steps: int) -> None:
        self.std = std
        self.anneal_steps = max(1, anneal_steps)

    def std_at(self, step: int) -> float:
        return self.std * max(0.0, 1.0 - step / self.anneal_steps)

    def __call__(self, x: Tensor, step: int, rng: torch.Generator) -> Tensor:
        std = self.std_at(step)
        if std == 0.0:
            return x
        noise = torch.randn(x.shape, generator=rng, device=x.device, dtype=x.dtype)
        return x + std * noise
