"""Hinge loss (Lim & Ye 2017, Geometric GAN; Miyato et al. 2018, SN-GAN)."""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor

from gankit.objectives.base import ScoreObjective


class Hinge(ScoreObjective):
    # Eq. 16: V_D = E[min(0, -1 + D(x))] + E[min(0, -1 - D(G(z)))] (maximised); eq. 17: V_G = -E[D].
    def f(self, d_real: Tensor) -> Tensor:
        return F.relu(1.0 - d_real)

    def g(self, d_fake: Tensor) -> Tensor:
        return F.relu(1.0 + d_fake)

    def h(self, d_fake: Tensor) -> Tensor:
        return -d_fake
