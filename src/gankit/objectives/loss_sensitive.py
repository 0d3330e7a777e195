"""Loss-sensitive GAN (Qi 2017), after the author's code for the margin's scale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import torch
import torch.nn.functional as F
from torch import Tensor

from gankit.core.checks import require_non_negative, require_positive
from gankit.core.step import StepBatch, Terms
from gankit.objectives.base import ScoreObjective
from gankit.objectives.defaults import adam, separate
from gankit.objectives.registry import OBJECTIVES


@dataclass
class LossSensitiveOptions:
    slack_weight: float = 1.0  # lambda, the weight of the margin slacks
    real_weight: float = 1.0  # weight of E[L(x)]; the author's code sets 0 (the theorem allows it)
    delta: Literal["l1", "l2"] = "l1"  # the distance in the margin Delta(x, G(z))
    # tau: Delta = tau * ||x - G(z)|| summed over entries; the author's MNIST (32x32) code uses
    # 0.0008 for L1, so margins stay of order 1 on images. 2D data needs a larger tau.
    delta_scale: float = 8e-4
    # How the critic's raw output becomes the non-negative loss L_theta: relu as in the author's
    # code (its last layer); softplus keeps a gradient where relu is flat; none leaves it raw.
    activation: Literal["relu", "softplus", "none"] = "relu"

    def __post_init__(self) -> None:
        require_positive(self.slack_weight, "objective_options.slack_weight")
        require_non_negative(self.real_weight, "objective_options.real_weight")
        require_positive(self.delta_scale, "objective_options.delta_scale")


@OBJECTIVES.register(
    "loss-sensitive",
    "loss-sensitive GAN: fakes must lose a margin Delta(x, G(z)) more than reals (Qi 2017)",
)
class LossSensitive(ScoreObjective):
    """L_theta(x) = relu(critic(x)) is a non-negative loss (low for real data); real x_i and fake
    G(z_i) are paired by batch index:

        min_theta E[L(x)] + lambda E[(Delta(x, G(z)) + L(x) - L(G(z)))^+],    min_G E[L(G(z))].

    The paper's Lipschitz regularisation is weight decay on the loss function's weights
    (d_opt.weight_decay; the author's code comment suggests 5e-5).
    """

    Options = LossSensitiveOptions
    unconditional_only = "the paper's conditional form (CLS-GAN) is not implemented"
    # The author's code (lsgan.lua): Adam lr 1e-4, beta1 0.5; weight decay on L_theta.
    training_defaults = separate(1, adam(1e-4, (0.5, 0.999)),
                                 {**adam(1e-4, (0.5, 0.999)), "weight_decay": 5e-5})

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
        activations = {"relu": F.relu, "softplus": F.softplus, "none": lambda v: v}
        return activations[self.options.activation](d)

    @torch.no_grad()
    def delta(self, real: Tensor, fake: Tensor) -> Tensor:
        """tau * ||x_i - G(z_i)|| per pair, a constant for the critic."""
        order = 1 if self.options.delta == "l1" else 2
        diff = (real.float() - fake.float()).flatten(1)
        return self.options.delta_scale * torch.linalg.vector_norm(diff, ord=order, dim=1)
