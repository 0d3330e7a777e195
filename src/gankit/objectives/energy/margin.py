"""MAGAN's margin as state (Wang et al. 2017, Algorithm 1, after the authors' code).

1. m = the running mean of the batch-mean real energies over one pass after pre-training;
2. after each epoch of the game, with S_real and S_fake the epoch's sums of batch-mean energies:
   if S_real / steps < m, S_real < S_fake and S_fake grew since the last epoch, then
   m = S_real / steps. So m only ever decreases.

The sums are float64 tensors on the device and the rule is a `where`, so the host never waits.
"""

from __future__ import annotations

import math
from typing import Any

import torch
from torch import Tensor

from gankit.core.step import TrainingPlan

FRESH_SOURCE_EPOCH = 100  # steps per "epoch" for sources drawn fresh (2D mixtures)
TENSORS = ("margin", "estimate_sum", "s_real", "s_fake", "previous_s_fake")


def f64(value: float) -> Tensor:
    return torch.tensor(value, dtype=torch.float64)


class MarginState:
    def __init__(self) -> None:
        self.margin, self.estimate_sum = f64(0.0), f64(0.0)
        self.s_real, self.s_fake, self.previous_s_fake = f64(0.0), f64(0.0), f64(math.inf)
        self.estimate_count = 0
        self.epoch_step = 0

    def estimate(self, energy_real: Tensor) -> Tensor:
        """Step 1: one more batch in the running mean; returns the margin so far."""
        self.estimate_sum = self.estimate_sum.to(energy_real.device) + energy_real.double()
        self.estimate_count += 1
        self.margin = self.estimate_sum / self.estimate_count
        return self.margin

    def track(self, energy_real: Tensor, energy_fake: Tensor, epoch: int) -> None:
        """One round of the game: add its energies; at the epoch's end apply step 2."""
        self.s_real = self.s_real.to(energy_real.device) + energy_real.double()
        self.s_fake = self.s_fake.to(energy_fake.device) + energy_fake.double()
        self.epoch_step += 1
        if self.epoch_step == epoch:
            self.end_epoch()

    def end_epoch(self) -> None:
        mean_real = self.s_real / self.epoch_step
        grew = self.s_fake > self.previous_s_fake.to(self.s_fake)
        lower = (self.s_real < self.s_fake) & (mean_real < self.margin.to(mean_real))
        self.margin = torch.where(grew & lower, mean_real, self.margin.to(mean_real))
        self.previous_s_fake = self.s_fake
        self.s_real, self.s_fake = torch.zeros_like(self.s_real), torch.zeros_like(self.s_fake)
        self.epoch_step = 0

    def state_dict(self) -> dict[str, Any]:
        return {**{k: getattr(self, k) for k in TENSORS}, "estimate_count": self.estimate_count,
                "epoch_step": self.epoch_step}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        for key in TENSORS:
            setattr(self, key, torch.as_tensor(state[key], dtype=torch.float64))
        self.estimate_count = int(state["estimate_count"])
        self.epoch_step = int(state["epoch_step"])


def epoch_length(steps: int | None, plan: TrainingPlan) -> int:
    """`epoch_steps` when set, else one pass over the data (100 steps for fresh sources)."""
    if steps is not None:
        return steps
    if plan.data_size is None:
        return FRESH_SOURCE_EPOCH
    return math.ceil(plan.data_size / plan.batch_size)
