"""Least squares GAN (Mao et al. 2017)."""

from __future__ import annotations

from torch import Tensor

from gankit.objectives.base import ScoreObjective
from gankit.objectives.options import LSGANOptions


class LSGAN(ScoreObjective):
    Options = LSGANOptions

    # Eq. 2: min_D ½E[(D(x)-b)²] + ½E[(D(G(z))-a)²];  min_G ½E[(D(G(z))-c)²].
    def f(self, d_real: Tensor) -> Tensor:
        return 0.5 * (d_real - self.options.b) ** 2

    def g(self, d_fake: Tensor) -> Tensor:
        return 0.5 * (d_fake - self.options.a) ** 2

    def h(self, d_fake: Tensor) -> Tensor:
        return 0.5 * (d_fake - self.options.c) ** 2
