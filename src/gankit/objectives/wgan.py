"""Wasserstein GAN with weight clipping (Arjovsky et al. 2017)."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor, nn

from gankit.objectives.base import ScoreObjective
from gankit.objectives.checks import require_positive
from gankit.objectives.defaults import rmsprop, same_for_both
from gankit.objectives.registry import OBJECTIVES


class WassersteinScores(ScoreObjective):
    """The critic maximises E[D(x)] - E[D(G(z))] (Arjovsky et al. 2017, eq. 3); G raises E[D(G(z))]."""

    def f(self, d_real: Tensor) -> Tensor:
        return -d_real

    def g(self, d_fake: Tensor) -> Tensor:
        return d_fake

    def h(self, d_fake: Tensor) -> Tensor:
        return -d_fake


@dataclass
class WGANOptions:
    clip: float = 0.01  # c in Algorithm 1

    def __post_init__(self) -> None:
        require_positive(self.clip, "objective_options.clip")


@OBJECTIVES.register(
    "wgan", "Wasserstein GAN, critic weights clipped to [-c, c] (Arjovsky et al. 2017, Algorithm 1)"
)
class WGAN(WassersteinScores):
    Options = WGANOptions
    # Algorithm 1's defaults: RMSProp, alpha = 0.00005, n_critic = 5. (The reference code also runs
    # 100 critic steps for the first 25 and every 500th generator step; the engine owns n_critic.)
    training_defaults = same_for_both(5, rmsprop(5e-5))

    def after_critic_step(self, critic: nn.Module) -> None:
        clip_parameters(critic, self.options.clip)


def clip_parameters(module: nn.Module, bound: float) -> None:
    """Clamp every parameter of `module` into [-bound, bound] in place (Algorithm 1, line 8).

    `parameters()` yields what the optimiser updates: BatchNorm's affine terms too, and for
    spectral-norm layers the stored original weight (`parametrizations.weight.original` or
    `weight_orig`), never the normalised weight computed from it.
    """
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.clamp_(-bound, bound)
