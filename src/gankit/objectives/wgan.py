"""Wasserstein GAN with weight clipping (Arjovsky et al. 2017)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import torch
from torch import Tensor, nn

from gankit.core.step import Schedule, TrainingPlan
from gankit.objectives.base import ScoreObjective
from gankit.objectives.game import game
from gankit.objectives.options import WGANOptions

WARMUP_ROUNDS, BURST_EVERY, BURST_STEPS = 25, 500, 100  # the reference code's constants


class WassersteinScores(ScoreObjective):
    """The critic maximises E[D(x)] - E[D(G(z))] (Arjovsky et al. 2017, eq. 3); G raises E[D(G(z))]."""

    def f(self, d_real: Tensor) -> Tensor:
        return -d_real

    def g(self, d_fake: Tensor) -> Tensor:
        return d_fake

    def h(self, d_fake: Tensor) -> Tensor:
        return -d_fake


class WGAN(WassersteinScores):
    Options = WGANOptions

    def schedule(self, plan: TrainingPlan) -> Schedule:
        times: int | Callable[[int], int] = plan.n_critic
        if self.options.critic_schedule == "reference":
            times = partial(reference_critic_steps, otherwise=plan.n_critic)
        return game(self.critic_loss, self.generator_loss, plan, critic_times=times,
                    project=partial(clip_parameters, bound=self.options.clip))


def reference_critic_steps(round_index: int, otherwise: int) -> int:
    """Critic steps before generator step `round_index` in the reference code."""
    burst = round_index < WARMUP_ROUNDS or round_index % BURST_EVERY == 0
    return BURST_STEPS if burst else otherwise


def clip_parameters(module: nn.Module, bound: float) -> None:
    """Clamp every parameter of `module` into [-bound, bound] in place (Algorithm 1, line 8).

    `parameters()` yields what the optimiser updates: BatchNorm's affine terms too, and for
    spectral-norm layers the stored original weight (`parametrizations.weight.original` or
    `weight_orig`), never the normalised weight computed from it.
    """
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.clamp_(-bound, bound)
