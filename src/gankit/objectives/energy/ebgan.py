"""Energy-based GAN (Zhao, Mathieu & LeCun 2017)."""

from __future__ import annotations

from typing import ClassVar

import torch.nn.functional as F
from torch import Tensor

from gankit.core.step import Schedule, StepBatch, Terms, TrainingPlan
from gankit.objectives.energy.base import EnergyObjective, energy
from gankit.objectives.energy.options import EBGANOptions
from gankit.objectives.energy.pulling_away import pulling_away
from gankit.objectives.game import game


class EBGAN(EnergyObjective):
    """Eq. 1: L_D = D(x) + [m - D(G(z))]^+;  eq. 2 with the PT (section 2.4):
    L_G = D(G(z)) + lambda_PT * f_PT(Enc(G(z))). The PT value is logged even when its weight is 0.
    """

    Options: ClassVar[type] = EBGANOptions  # MAGAN, a subclass, has options of its own

    def schedule(self, plan: TrainingPlan) -> Schedule:
        pretrain = self.pretraining(self.options.pretrain_critic_steps)
        return pretrain + game(self.critic_loss, self.generator_loss, plan)

    def margin(self) -> float | Tensor:
        return self.options.margin

    def critic_loss(self, batch: StepBatch) -> Terms:
        energy_real = energy(batch.critic_real())
        energy_fake = energy(batch.critic_fake())
        losses = {"real": energy_real.mean(), "fake": F.relu(self.margin() - energy_fake).mean()}
        stats = {"energy_real": energy_real.mean().detach(),
                 "energy_fake": energy_fake.mean().detach()}
        return Terms(losses, stats)

    def generator_loss(self, batch: StepBatch) -> Terms:
        output = batch.critic_fake()
        assert output.code is not None  # an autoencoder critic (critic_spec) gives its code
        pt = pulling_away(output.code)
        losses = {"adv": energy(output).mean()}
        if self.options.pt_weight > 0:
            losses["pt"] = self.options.pt_weight * pt
        return Terms(losses, {"energy_fake": energy(output).mean().detach(), "f_pt": pt.detach()})
