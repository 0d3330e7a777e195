"""Hinge loss (Lim & Ye 2017, Geometric GAN; Miyato et al. 2018, SN-GAN)."""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor

from gankit.objectives.base import ScoreObjective
from gankit.objectives.defaults import adam, same_for_both
from gankit.objectives.registry import OBJECTIVES


@OBJECTIVES.register(
    "hinge", "hinge loss: critic margins at ±1, G raises D(G(z)) (Miyato et al. 2018, eqs. 16-17)"
)
class Hinge(ScoreObjective):
    # The SN-GAN authors' hinge setting (Miyato et al. 2018, ResNet experiments; the official
    # configs/sn_cifar10_unconditional.yml): Adam lr 0.0002, betas (0, 0.9), n_dis 5.
    training_defaults = same_for_both(5, adam(2e-4, (0.0, 0.9)))

    # Eq. 16: V_D = E[min(0, -1 + D(x))] + E[min(0, -1 - D(G(z)))] (maximised); eq. 17: V_G = -E[D].
    def f(self, d_real: Tensor) -> Tensor:
        return F.relu(1.0 - d_real)

    def g(self, d_fake: Tensor) -> Tensor:
        return F.relu(1.0 + d_fake)

    def h(self, d_fake: Tensor) -> Tensor:
        return -d_fake
