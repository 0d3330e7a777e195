"""Wasserstein GAN with a gradient penalty (Gulrajani et al. 2017)."""

from __future__ import annotations

from dataclasses import dataclass

from torch import Tensor

from gankit.core.checks import require_non_negative
from gankit.core.step import StepBatch, Terms
from gankit.nets.gradients import interpolate_gradient_norms, norm_penalty
from gankit.objectives.defaults import adam, same_for_both
from gankit.objectives.registry import OBJECTIVES
from gankit.objectives.wgan import WassersteinScores


@dataclass
class WGANGPOptions:
    gp_weight: float = 10.0  # lambda in Algorithm 1

    def __post_init__(self) -> None:
        require_non_negative(self.gp_weight, "objective_options.gp_weight")


@OBJECTIVES.register(
    "wgan-gp",
    "WGAN with gradient penalty on real/fake interpolates (Gulrajani et al. 2017, Algorithm 1)",
)
class WGANGP(WassersteinScores):
    """Eq. 3: E[D(x~)] - E[D(x)] + lambda * E[(||grad D(x^)||_2 - 1)^2], term `gp`.

    The penalty is the same code as the `gp` penalty, so do not also configure that one.
    """

    Options = WGANGPOptions
    # Algorithm 1's defaults: lambda = 10, n_critic = 5, Adam alpha = 0.0001, beta1 = 0, beta2 = 0.9.
    training_defaults = same_for_both(5, adam(1e-4, (0.0, 0.9)))

    def critic_terms(self, d_real: Tensor, d_fake: Tensor, batch: StepBatch) -> Terms:
        norms = interpolate_gradient_norms(batch.critic, batch.real, batch.fake, batch.rng,
                                           batch.labels_real)
        gp = self.options.gp_weight * norm_penalty(norms, target=1.0)
        penalty = Terms({"gp": gp}, {"grad_norm": norms.mean().detach()})
        return super().critic_terms(d_real, d_fake, batch).merge(penalty)
