"""Energy-based GAN (Zhao, Mathieu & LeCun 2017)."""

from __future__ import annotations

from dataclasses import dataclass

import torch.nn.functional as F
from torch import Tensor

from gankit.core.checks import require_non_negative
from gankit.core.step import Schedule, StepBatch, Terms, TrainingPlan
from gankit.nets.spec import Energy
from gankit.objectives.defaults import adam, same_for_both
from gankit.objectives.energy import EnergyObjective, energy
from gankit.objectives.game import game
from gankit.objectives.pulling_away import pulling_away
from gankit.objectives.registry import OBJECTIVES


@dataclass
class EBGANOptions:
    margin: float = 10.0  # m; section 4.1 fixes m = 10 for MNIST
    pt_weight: float = 0.1  # lambda_PT of EBGAN-PT (appendix F); 0 turns the term off
    # Section 2.3: D(x) = ||Dec(Enc(x)) - x||, the per-sample Euclidean norm.
    energy: Energy = "l2"
    pretrain_critic_steps: int = 0  # steps of autoencoder training on real data before the game

    def __post_init__(self) -> None:
        require_non_negative(self.margin, "objective_options.margin")
        require_non_negative(self.pt_weight, "objective_options.pt_weight")
        require_non_negative(self.pretrain_critic_steps, "objective_options.pretrain_critic_steps")


@OBJECTIVES.register(
    "ebgan",
    "energy-based GAN: autoencoder critic with margin, pulling-away term (Zhao et al. 2017)",
)
class EBGAN(EnergyObjective):
    """Eq. 1: L_D = D(x) + [m - D(G(z))]^+;  eq. 2 with the PT (section 2.4):
    L_G = D(G(z)) + lambda_PT * f_PT(Enc(G(z))). The PT value is logged even when its weight is 0.
    """

    Options = EBGANOptions
    # Section 4.1 (MNIST): Adam with learning rate 0.001 for both nets; beta1 0.5 as in DCGAN.
    training_defaults = same_for_both(1, adam(1e-3, (0.5, 0.999)))

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
        pt = pulling_away(output.code)
        losses = {"adv": energy(output).mean()}
        if self.options.pt_weight > 0:
            losses["pt"] = self.options.pt_weight * pt
        return Terms(losses, {"energy_fake": energy(output).mean().detach(), "f_pt": pt.detach()})
