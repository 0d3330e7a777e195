from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import torch
from torch import Tensor, nn

from gankit.core.step import StepBatch
from gankit.nets.critic import ScoreCritic

# Samples are 1x2x2 images, so the critics flatten them first, as image critics do.
REAL = torch.tensor([[1.0, 2.0, 0.0, -1.0], [0.5, -0.5, 3.0, 1.0], [-2.0, 0.0, 1.0, 1.0]])
FAKE = torch.tensor([[-1.0, 0.5, 2.0, 0.0], [4.0, 1.0, -3.0, 2.0], [0.0, 0.0, 0.0, 0.0]])


def linear_critic(weights: Sequence[float], bias: float = 0.25) -> nn.Module:
    """D(x) = w.x + b, whose input gradient is w at every point."""
    layer = nn.Linear(len(weights), 1)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor([list(weights)]))
        layer.bias.fill_(bias)
    return ScoreCritic(nn.Sequential(nn.Flatten(), layer, nn.Flatten(0)))


def curved_critic() -> nn.Module:
    """A critic whose gradient depends on where it is taken, so random points matter."""
    generator = torch.Generator().manual_seed(3)
    critic = ScoreCritic(nn.Sequential(
        nn.Flatten(), nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 1), nn.Flatten(0)
    ))
    with torch.no_grad():
        for parameter in critic.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator))
    return critic


def make_batch(critic: nn.Module, seed: int = 0) -> StepBatch:
    return StepBatch(
        critic=critic,
        real=REAL.view(3, 1, 2, 2).clone(),
        fake=FAKE.view(3, 1, 2, 2).clone(),
        z=torch.zeros(3, 1),
        round=0,
        rng=torch.Generator().manual_seed(seed),
    )


@pytest.fixture
def linear() -> Callable[..., nn.Module]:
    """linear(weights, bias=0.25) -> a critic D(x) = w.x + b on 1x2x2 samples."""
    return linear_critic


@pytest.fixture
def curved() -> nn.Module:
    return curved_critic()


@pytest.fixture
def batch() -> Callable[..., StepBatch]:
    """batch(critic, seed=0) -> a StepBatch of three fixed real and fake 1x2x2 samples."""
    return make_batch


def weight_grad(critic: nn.Module) -> Tensor:
    return critic.body[1].weight.grad[0]


@pytest.fixture
def grad_of_weight() -> Callable[[nn.Module], Tensor]:
    """The gradient that reached the linear critic's weight row after a backward pass."""
    return weight_grad
