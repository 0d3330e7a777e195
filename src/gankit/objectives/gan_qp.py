"""GAN-QP: a quadratic potential instead of a Lipschitz constraint (Su 2018)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import torch
from torch import Tensor

from gankit.core.checks import require_positive
from gankit.core.step import StepBatch, Terms
from gankit.objectives.base import ScoreObjective
from gankit.objectives.defaults import adam, same_for_both
from gankit.objectives.registry import OBJECTIVES


@dataclass
class GANQPOptions:
    scale: float = 10.0  # lambda
    # d(x_r, x_f), per entry so lambda does not depend on the image size: l1 = mean absolute
    # difference, l2 = root mean squared difference (the GAN-QP code); mse = mean squared
    # difference (the O-GAN code's variant, where lambda = 2 gives its 0.25 / mse).
    distance: Literal["l1", "l2", "mse"] = "l1"

    def __post_init__(self) -> None:
        require_positive(self.scale, "objective_options.scale")


@OBJECTIVES.register(
    "gan-qp",
    "GAN-QP: critic with a quadratic potential, no Lipschitz constraint (Su 2018, eq. 15)",
)
class GANQP(ScoreObjective):
    """Real x_r and fake x_f are paired by batch index; with dT = T(x_r) - T(x_f):

        T = argmax E[dT - dT^2 / (2 lambda d(x_r, x_f))],    G = argmin E[dT].
    """

    Options = GANQPOptions
    # The author's code: Adam lr 2e-4, beta1 0.5, two critic steps per generator step.
    training_defaults = same_for_both(2, adam(2e-4, (0.5, 0.999)))

    def critic_terms(self, d_real: Tensor, d_fake: Tensor, batch: StepBatch) -> Terms:
        gap = d_real - d_fake
        quadratic = gap.pow(2) / (2 * self.options.scale * self.distance(batch.real, batch.fake))
        losses = {"gap": -gap.mean(), "quadratic": quadratic.mean()}
        stats = {"score_real": d_real.mean().detach(), "score_fake": d_fake.mean().detach()}
        return Terms(losses, stats)

    def generator_terms(self, d_fake: Tensor, batch: StepBatch) -> Terms:
        # E[T(x_r) - T(x_f)]: the real term has no gradient for G; it keeps the logged value exact.
        with torch.no_grad():
            d_real = batch.critic_real().score.float()
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
