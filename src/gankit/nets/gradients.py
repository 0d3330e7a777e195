"""Input gradients of a critic and the norm penalties built on them, shared by the penalties and
the objectives that carry their own (WGAN-GP). Random draws come from the step's generator only,
so resumed runs repeat exactly; reductions run in float32 even under bf16 autocast.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor, nn


def critic_input_gradient(critic: nn.Module, points: Tensor,
                          labels: Tensor | None = None) -> Tensor:
    """d critic(points).score / d points in float32, one flat row per sample, with a graph so it
    can be penalised (gradients then reach the critic's parameters)."""
    points = points.detach().requires_grad_(True)
    scores = critic(points, labels).score.float()
    (grad,) = torch.autograd.grad(scores.sum(), points, create_graph=True)
    return grad.float().flatten(1)


def gradient_norms(critic: nn.Module, points: Tensor, labels: Tensor | None = None) -> Tensor:
    """||grad_x critic(x)||_2 at each point, shape (N,), float32."""
    return torch.linalg.vector_norm(critic_input_gradient(critic, points, labels), dim=1)


def uniform(shape: Sequence[int], rng: torch.Generator, like: Tensor) -> Tensor:
    """U[0, 1) draws from `rng` alone, on `like`'s device and dtype (rng may live elsewhere)."""
    draws = torch.rand(tuple(shape), generator=rng, device=rng.device)
    return draws.to(device=like.device, dtype=like.dtype)


def interpolate(start: Tensor, end: Tensor, rng: torch.Generator) -> Tensor:
    """start + alpha * (end - start) with one alpha ~ U[0, 1] per sample."""
    if start.shape != end.shape:
        raise ValueError(f"cannot interpolate shapes {tuple(start.shape)} and {tuple(end.shape)}")
    alpha = uniform((start.shape[0],) + (1,) * (start.dim() - 1), rng, start)
    return start.detach() + alpha * (end.detach() - start.detach())


def interpolate_gradient_norms(
    critic: nn.Module, real: Tensor, fake: Tensor, rng: torch.Generator,
    labels: Tensor | None = None,
) -> Tensor:
    """Gradient norms at x^ = eps*x + (1 - eps)*x~, eps ~ U[0, 1] per sample
    (Gulrajani et al. 2017, Algorithm 1, lines 5-7), judged with the real samples' labels."""
    return gradient_norms(critic, interpolate(fake, real, rng), labels)


def norm_penalty(norms: Tensor, target: float = 1.0, one_sided: bool = False) -> Tensor:
    """mean((norm - target)^2); one-sided counts only norms above the target."""
    gap = norms.float() - target
    if one_sided:
        gap = gap.clamp(min=0.0)
    return gap.pow(2).mean()
