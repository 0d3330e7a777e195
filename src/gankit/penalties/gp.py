"""The WGAN-GP gradient penalty as a stand-alone critic regulariser (Gulrajani et al. 2017)."""

from __future__ import annotations

from torch import Tensor

from gankit.core.step import StepBatch
from gankit.nets.gradients import interpolate_gradient_norms, norm_penalty
from gankit.penalties.base import Penalty
from gankit.penalties.options import GradientPenaltyOptions


class GradientPenalty(Penalty):
    Options = GradientPenaltyOptions
    recommended_weight = 10.0
    uses_fake = True

    def __call__(self, batch: StepBatch) -> Tensor:
        norms = interpolate_gradient_norms(batch.critic, batch.real, batch.fake, batch.rng,
                                           batch.condition_real)
        return norm_penalty(norms, self.options.target, self.options.one_sided)
