"""GAN-QP: a quadratic potential instead of a Lipschitz constraint (Su 2018)."""

from __future__ import annotations

import torch
from torch import Tensor

from gankit.core.step import StepBatch, Terms
from gankit.objectives.base import ScoreObjective
from gankit.objectives.options import GANQPOptions


class GANQP(ScoreObjective):
    """Real x_r and fake x_f are paired by batch index; with dT = T(x_r) - T(x_f):

        T = argmax E[dT - dT^2 / (2 lambda d(x_r, x_f))],    G = argmin E[dT].
    """

    Options = GANQPOptions

    def critic_terms(self, d_real: Tensor, d_fake: Tensor, batch: StepBatch) -> Terms:
        gap = d_real - d_fake
        quadratic = gap.pow(2) / (2 * self.options.scale * self.distance(batch.real, batch.fake))
        losses = {"gap": -gap.mean(), "quadratic": quadratic.mean()}
        stats = {"score_real": d_real.mean().detach(), "score_fake": d_fake.mean().detach()}
        return Terms(losses, stats)

    def generator_terms(self, d_fake: Tensor, batch: StepBatch) -> Terms:
        # E[T(x_r) - T(x_f)]: the real term has no gradient for G; it keeps the logged value exact.
        with torch.no_grad():
            d_real = batch.critic_real().score.float().detach()  # detached even when cached
        return Terms({"adv": (d_real - d_fake).mean()}, {"score_fake": d_fake.mean().detach()})

    @torch.no_grad()
    def distance(self, real: Tensor, fake: Tensor) -> Tensor:
        diff = (real.float() - fake.float()).flatten(1)
        if self.options.distance == "l1":
            distance = diff.abs().mean(dim=1)
        elif self.options.distance == "l2":
            distance = diff.pow(2).mean(dim=1).sqrt()
        else:
            distance = diff.pow(2).mean(dim=1)
        return distance.clamp_min(1e-12)  # a fake identical to its real partner
