"""Margin adaptation GAN (Wang, Cully, Chang & Demiris 2017), after the authors' code."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import torch

from gankit.core.errors import GankitError
from gankit.nets.spec import Energy
from gankit.objectives.base import Phase, StepBatch, Terms
from gankit.objectives.checks import require_non_negative
from gankit.objectives.defaults import same_for_both
from gankit.objectives.ebgan import EBGAN
from gankit.objectives.energy import PRETRAIN_PHASE, energies
from gankit.objectives.registry import OBJECTIVES

ESTIMATE_PHASE = "margin_estimate"
FRESH_SOURCE_EPOCH = 100  # steps per "epoch" for sources drawn fresh (2D mixtures)


@dataclass
class MAGANOptions:
    energy: Energy = "sse"  # the authors' code: sum of squared errors per sample
    pretrain_epochs: float = 2.0  # autoencoder training on real data before the game
    epoch_steps: int | None = None  # None: one pass over the data (100 steps for 2D mixtures)
    pt_weight: float = 0.0  # MAGAN uses no pulling-away term; EBGAN's is available

    def __post_init__(self) -> None:
        require_non_negative(self.pretrain_epochs, "objective_options.pretrain_epochs")
        require_non_negative(self.pt_weight, "objective_options.pt_weight")
        if self.epoch_steps is not None and self.epoch_steps < 1:
            raise GankitError(f"objective_options.epoch_steps must be at least 1, "
                              f"got {self.epoch_steps}")


@OBJECTIVES.register(
    "magan", "EBGAN whose margin follows the real data's energy (Wang et al. 2017, Algorithm 1)"
)
class MAGAN(EBGAN):
    """EBGAN's losses with a margin m that is state:

    1. the autoencoder trains on real data alone for `pretrain_epochs`;
    2. m = the mean real energy over one further pass (no training);
    3. after each epoch of the game, with S_real and S_fake the epoch's sums of batch-mean
       energies: if S_real / steps < m, S_real < S_fake and S_fake grew since the last epoch,
       then m = S_real / steps. So m only ever decreases.
    """

    Options = MAGANOptions
    # The authors' code: Adamax, learning rate 0.0005, beta1 0.5, batch 64, for both nets.
    training_defaults = same_for_both(1, {"name": "adamax", "lr": 5e-4, "betas": [0.5, 0.999]})

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self.state = {"margin": 0.0, "estimate_sum": 0.0, "estimate_count": 0, "epoch_step": 0,
                      "s_real": 0.0, "s_fake": 0.0, "previous_s_fake": math.inf}

    def margin(self) -> float:
        return self.state["margin"]

    def epoch_length(self) -> int:
        if self.options.epoch_steps is not None:
            return self.options.epoch_steps
        if self.plan is None or self.plan.data_size is None:
            return FRESH_SOURCE_EPOCH
        return math.ceil(self.plan.data_size / self.plan.batch_size)

    def phases(self) -> list[Phase]:
        pretrain = round(self.options.pretrain_epochs * self.epoch_length())
        return [
            Phase(PRETRAIN_PHASE, pretrain, "critic", self.pretrain_loss, needs_fake=False),
            Phase(ESTIMATE_PHASE, self.epoch_length(), "nothing", self.estimate_margin,
                  needs_fake=False),
        ]

    def estimate_margin(self, batch: StepBatch) -> Terms:
        """Step 2: m is the running mean of the batch-mean real energies over one pass."""
        energy_real = energies(batch.critic, batch.real)[0].mean()
        self.state["estimate_sum"] += float(energy_real)
        self.state["estimate_count"] += 1
        self.state["margin"] = self.state["estimate_sum"] / self.state["estimate_count"]
        return Terms({}, {"energy_real": energy_real, "margin": torch.tensor(self.margin())})

    def after_generator_step(self, critic_terms: Terms, generator_terms: Terms) -> None:
        state = self.state
        state["s_real"] += float(critic_terms.stats["energy_real"])
        state["s_fake"] += float(generator_terms.stats["energy_fake"])
        state["epoch_step"] += 1
        if state["epoch_step"] == self.epoch_length():
            self.end_epoch()
        generator_terms.stats["margin"] = torch.tensor(self.margin())

    def end_epoch(self) -> None:
        """Step 3, the margin update at an epoch's end."""
        state = self.state
        mean_real = state["s_real"] / state["epoch_step"]
        grew = state["s_fake"] > state["previous_s_fake"]
        if grew and state["s_real"] < state["s_fake"] and mean_real < state["margin"]:
            state["margin"] = mean_real
        state["previous_s_fake"] = state["s_fake"]
        state.update(s_real=0.0, s_fake=0.0, epoch_step=0)

    def state_dict(self) -> dict[str, Any]:
        return dict(self.state)

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.state = {key: type(value)(state[key]) for key, value in self.state.items()}
