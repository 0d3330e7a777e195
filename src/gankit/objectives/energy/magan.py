"""Margin adaptation GAN (Wang, Cully, Chang & Demiris 2017), after the authors' code."""

from __future__ import annotations

from functools import partial
from typing import Any

import torch

from gankit.core.step import BeforeGame, Schedule, StepBatch, Terms, TrainingPlan, Update
from gankit.objectives.energy.base import energy
from gankit.objectives.energy.ebgan import EBGAN
from gankit.objectives.energy.margin import MarginState, epoch_length
from gankit.objectives.energy.options import MAGANOptions
from gankit.objectives.game import CRITIC, GENERATOR, game


class MAGAN(EBGAN):
    """EBGAN's losses with a margin m that is state (margin.py): the autoencoder trains on
    real data for `pretrain_epochs`, m is the mean real energy over one more pass
    (`margin_estimate`), then the `state` update after each round applies the per-epoch rule."""

    Options = MAGANOptions

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self.state = MarginState()

    def margin(self) -> torch.Tensor:
        return self.state.margin

    def schedule(self, plan: TrainingPlan) -> Schedule:
        epoch = epoch_length(self.options.epoch_steps, plan)
        estimate = Update("margin_estimate", "nothing", self.estimate_margin, BeforeGame(epoch),
                          fake=False)
        track = Update("state", "nothing", partial(self.track_margin, epoch=epoch), real="none",
                       fake=False)
        pretrain = self.pretraining(round(self.options.pretrain_epochs * epoch))
        return [*pretrain, estimate, *game(self.critic_loss, self.generator_loss, plan), track]

    def estimate_margin(self, batch: StepBatch) -> Terms:
        energy_real = energy(batch.critic_real()).mean()
        return Terms({}, {"energy_real": energy_real, "margin": self.state.estimate(energy_real)})

    def track_margin(self, batch: StepBatch, epoch: int) -> Terms:
        done = batch.done
        self.state.track(done[CRITIC].stats["energy_real"], done[GENERATOR].stats["energy_fake"],
                         epoch)
        return Terms({}, {"margin": self.state.margin})

    def state_dict(self) -> dict[str, Any]:
        return self.state.state_dict()

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.state.load_state_dict(state)

