"""The objectives' options: plain dataclasses, importable without torch so that the config is
checked before anything heavy loads. Each objective's module says what the options mean in its
paper; a family that is a package (energy/, seqgan/) keeps its own in its options.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gankit.core.checks import require_non_negative, require_positive
from gankit.core.errors import GankitError


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


@dataclass
class WGANOptions:
    clip: float = 0.01  # c in Algorithm 1
    # algorithm: n_critic critic steps per generator step (Algorithm 1). reference: the authors'
    # released code (main.py), 100 for the first 25 generator steps and every 500th, n_critic else.
    critic_schedule: Literal["algorithm", "reference"] = "algorithm"

    def __post_init__(self) -> None:
        require_positive(self.clip, "objective_options.clip")


@dataclass
class WGANGPOptions:
    gp_weight: float = 10.0  # lambda in Algorithm 1

    def __post_init__(self) -> None:
        require_non_negative(self.gp_weight, "objective_options.gp_weight")


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


@dataclass
class GANQPOptions:
    scale: float = 10.0  # lambda
    # d(x_r, x_f), per entry so lambda does not depend on the image size: l1 = mean absolute
    # difference, l2 = root mean squared difference (the GAN-QP code); mse = mean squared
    # difference (the O-GAN code's variant, where lambda = 2 gives its 0.25 / mse).
    distance: Literal["l1", "l2", "mse"] = "l1"

    def __post_init__(self) -> None:
        require_positive(self.scale, "objective_options.scale")
