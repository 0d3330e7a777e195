"""Exponential moving average of the generator's weights (buffers such as BN statistics are copied).

The decay warms up as min(decay, (1 + t) / (10 + t)) so that a short run's average is not
dominated by the random initial weights.
"""

from __future__ import annotations

import copy

import torch
from torch import nn


class GeneratorEMA:
    def __init__(self, generator: nn.Module, decay: float) -> None:
        self.decay = decay
        self.model = copy.deepcopy(generator).eval().requires_grad_(False)

    def decay_at(self, step: int) -> float:
        return min(self.decay, (1.0 + step) / (10.0 + step))

    @torch.no_grad()
    def track(self, generator: nn.Module, round_index: int) -> None:
        """Move the average towards the generator after round `round_index`."""
        weight = 1.0 - self.decay_at(round_index)
        for ema_p, p in zip(self.model.parameters(), generator.parameters()):
            ema_p.lerp_(p.detach(), weight)
        for ema_b, b in zip(self.model.buffers(), generator.buffers()):
            ema_b.copy_(b)
