"""The original minimax GAN (Goodfellow et al. 2014)."""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor

from gankit.objectives.base import ScoreObjective


class Minimax(ScoreObjective):
    """d is the critic's logit, so log D = -softplus(-d) and log(1 - D) = -softplus(d)."""


    # Eq. 1: D maximises log D(x) + log(1 - D(G(z))); G minimises log(1 - D(G(z))).
    def f(self, d_real: Tensor) -> Tensor:
        return F.softplus(-d_real)

    def g(self, d_fake: Tensor) -> Tensor:
        return F.softplus(d_fake)

    def h(self, d_fake: Tensor) -> Tensor:
        return -F.softplus(d_fake)
