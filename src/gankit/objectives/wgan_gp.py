"""Wasserstein GAN with a gradient penalty (Gulrajani et al. 2017)."""

from __future__ import annotations

from torch import Tensor

from gankit.core.step import StepBatch, Terms
from gankit.nets.gradients import interpolate_gradient_norms, norm_penalty
from gankit.objectives.options import WGANGPOptions
from gankit.objectives.wgan import WassersteinScores


class WGANGP(WassersteinScores):
    """Eq. 3: E[D(x~)] - E[D(x)] + lambda * E[(||grad D(x^)||_2 - 1)^2], term `gp`.

    The penalty is the same code as the `gp` penalty, so do not also configure that one.
    """

    Options = WGANGPOptions

    def critic_terms(self, d_real: Tensor, d_fake: Tensor, batch: StepBatch) -> Terms:
        norms = interpolate_gradient_norms(batch.critic, batch.real, batch.fake, batch.rng,
                                           batch.condition_real)
        gp = self.options.gp_weight * norm_penalty(norms, target=1.0)
        penalty = Terms({"gp": gp}, {"grad_norm": norms.mean().detach()})
        return super().critic_terms(d_real, d_fake, batch).merge(penalty)
