"""Least squares GAN (Mao et al. 2017)."""

from __future__ import annotations

from dataclasses import dataclass

from torch import Tensor

from gankit.core.errors import GankitError
from gankit.objectives.base import ScoreObjective
from gankit.objectives.defaults import adam, same_for_both
from gankit.objectives.registry import OBJECTIVES


@dataclass
class LSGANOptions:
    """Targets: a for fake and b for real (critic), c for fake (generator).

    The default is the paper's 0-1 coding (eq. 9), which its experiments and reference code use.
    The alternative a=-1, b=1, c=0 (eq. 8) satisfies b-c=1, b-a=2, under which the generator
    minimises the Pearson chi-squared divergence; the paper reports both perform similarly.
    """

    a: float = 0.0
    b: float = 1.0
    c: float = 1.0

    def __post_init__(self) -> None:
        if self.a == self.b:
            raise GankitError(
                f"objective_options.a and objective_options.b must differ (the critic's fake "
                f"and real targets), both are {self.a!r}"
            )


@OBJECTIVES.register("lsgan", "least squares GAN with targets a, b, c (Mao et al. 2017, eq. 2)")
class LSGAN(ScoreObjective):
    Options = LSGANOptions
    # Mao et al. 2017, §4: Adam with beta1 0.5; lr 0.0002 (their handwritten-character runs;
    # the 112x112 LSUN scenes used 0.001).
    training_defaults = same_for_both(1, adam(2e-4, (0.5, 0.999)))

    # Eq. 2: min_D ½E[(D(x)-b)²] + ½E[(D(G(z))-a)²];  min_G ½E[(D(G(z))-c)²].
    def f(self, d_real: Tensor) -> Tensor:
        return 0.5 * (d_real - self.options.b) ** 2

    def g(self, d_fake: Tensor) -> Tensor:
        return 0.5 * (d_fake - self.options.a) ** 2

    def h(self, d_fake: Tensor) -> Tensor:
        return 0.5 * (d_fake - self.options.c) ** 2
