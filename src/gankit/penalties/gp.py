"""The WGAN-GP gradient penalty as a stand-alone critic regulariser (Gulrajani et al. 2017)."""

from __future__ import annotations

from dataclasses import dataclass

from torch import Tensor

from gankit.core.checks import require_non_negative
from gankit.core.step import StepBatch
from gankit.nets.gradients import interpolate_gradient_norms, norm_penalty
from gankit.penalties.base import Penalty
from gankit.penalties.registry import PENALTIES


@dataclass
class GradientPenaltyOptions:
    target: float = 1.0  # the gradient norm the critic is pulled towards
    one_sided: bool = False  # penalise only norms above the target: max(0, ||grad|| - target)^2

    def __post_init__(self) -> None:
        require_non_negative(self.target, "penalty gp: options.target")


@PENALTIES.register(
    "gp",
    "(||grad D(x^)|| - 1)^2 on real/fake interpolates, weight 10 (Gulrajani et al. 2017, eq. 3)",
)
class GradientPenalty(Penalty):
    Options = GradientPenaltyOptions
    recommended_weight = 10.0
    uses_fake = True

    def __call__(self, batch: StepBatch) -> Tensor:
        norms = interpolate_gradient_norms(batch.critic, batch.real, batch.fake, batch.rng,
                                           batch.labels_real)
        return norm_penalty(norms, self.options.target, self.options.one_sided)
