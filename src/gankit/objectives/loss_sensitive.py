"""Loss-sensitive GAN (Qi 2017), after the author's code for the margin's scale."""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F
from torch import Tensor

from gankit.core.step import StepBatch, Terms
from gankit.objectives.base import ScoreObjective
from gankit.objectives.options import LossSensitiveOptions


class LossSensitive(ScoreObjective):
    """L_theta(x) = relu(critic(x)) is a non-negative loss (low for real data); real x_i and fake
    G(z_i) are paired by batch index:

        min_theta E[L(x)] + lambda E[(Delta(x, G(z)) + L(x) - L(G(z)))^+],    min_G E[L(G(z))].

    The paper's Lipschitz regularisation is weight decay on the loss function's weights
    (d_opt.weight_decay; the author's code comment suggests 5e-5).
    """

    Options = LossSensitiveOptions

    def critic_terms(self, d_real: Tensor, d_fake: Tensor, batch: StepBatch) -> Terms:
        loss_real, loss_fake = self.loss(d_real), self.loss(d_fake)
        margin = self.delta(batch.real, batch.fake)
        slack = F.relu(margin + loss_real - loss_fake)
        losses = {"real": self.options.real_weight * loss_real.mean(),
                  "slack": self.options.slack_weight * slack.mean()}
        stats = {"loss_real": loss_real.mean().detach(), "loss_fake": loss_fake.mean().detach(),
                 "margin": margin.mean()}
        return Terms(losses, stats)

    def generator_terms(self, d_fake: Tensor, batch: StepBatch) -> Terms:
        loss_fake = self.loss(d_fake)
        return Terms({"adv": loss_fake.mean()}, {"loss_fake": loss_fake.mean().detach()})

    def loss(self, d: Tensor) -> Tensor:
        activations: dict[str, Callable[[Tensor], Tensor]] = {
            "relu": F.relu, "softplus": F.softplus, "none": lambda v: v}
        return activations[self.options.activation](d)

    @torch.no_grad()
    def delta(self, real: Tensor, fake: Tensor) -> Tensor:
        """tau * ||x_i - G(z_i)|| per pair, a constant for the critic."""
        order = 1 if self.options.delta == "l1" else 2
        diff = (real.float() - fake.float()).flatten(1)
        return self.options.delta_scale * torch.linalg.vector_norm(diff, ord=order, dim=1)
