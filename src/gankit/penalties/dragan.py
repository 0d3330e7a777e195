"""DRAGAN's gradient penalty around the real data (Kodali et al. 2017, "On Convergence and
Stability of GANs")."""

from __future__ import annotations

import torch
from torch import Tensor

from gankit.core.step import StepBatch
from gankit.nets.gradients import gradient_norms, interpolate, norm_penalty, uniform
from gankit.penalties.base import Penalty
from gankit.penalties.options import DRAGANOptions


class DRAGAN(Penalty):
    """Follows the authors' reference code rather than the paper's text.

    The paper penalises at x + delta with delta ~ N(0, cI), c ~ 10. The code (DRAGAN.ipynb)
    perturbs x_p = x + 0.5 * std(batch) * u, u ~ U[0, 1] per element, then penalises at
    x^ = x + alpha * (x_p - x), alpha ~ U[0, 1] per sample, with lambda = 10 and k = 1.
    """

    Options = DRAGANOptions
    recommended_weight = 10.0

    def __call__(self, batch: StepBatch) -> Tensor:
        real = batch.real
        points = interpolate(real, perturb(real, self.options.c, batch.rng), batch.rng)
        norms = gradient_norms(batch.critic, points, batch.condition_real)
        return norm_penalty(norms, self.options.k)


def perturb(real: Tensor, c: float, rng: torch.Generator) -> Tensor:
    """x + c * sigma * u, sigma the population std over every element of the batch (as numpy's
    `minibatch.std()` in the reference code), u ~ U[0, 1] per element."""
    sigma = real.detach().float().std(correction=0)
    return real.detach() + c * sigma * uniform(real.shape, rng, real)
