import math

import pytest
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.core.step import StepBatch
from gankit.nets.critic import ScoreCritic
from gankit.objectives import build_objective

W = [3.0, 4.0]  # ||w|| = 5
B = 0.5
REAL = [[1.0, 2.0], [0.0, -1.0]]
FAKE = [[-2.0, 0.5], [4.0, 1.0]]


def linear_critic() -> nn.Module:
    layer = nn.Linear(2, 1)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor([W]))
        layer.bias.fill_(B)
    return ScoreCritic(nn.Sequential(layer, nn.Flatten(0)))


def score(x: list[float]) -> float:
    return sum(w * xi for w, xi in zip(W, x)) + B


def make(critic: nn.Module, seed: int = 0) -> StepBatch:
    return StepBatch(
        critic=critic,
        real=torch.tensor(REAL),
        fake=torch.tensor(FAKE),
        z=torch.zeros(2, 1),
        round=0,
        rng=torch.Generator().manual_seed(seed),
    )


def test_terms_on_a_linear_critic():
    terms = build_objective("wgan-gp", {}).critic_loss(make(linear_critic()))
    assert set(terms.losses) == {"real", "fake", "gp"}
    assert terms.losses["real"].item() == pytest.approx(-sum(map(score, REAL)) / 2)
    assert terms.losses["fake"].item() == pytest.approx(sum(map(score, FAKE)) / 2)
    # The gradient of w.x + b is w everywhere: lambda * (||w|| - 1)^2 = 10 * 16.
    assert terms.losses["gp"].item() == pytest.approx(10 * (math.hypot(*W) - 1) ** 2)
    assert terms.stats["grad_norm"].item() == pytest.approx(5.0)


def test_gp_weight_option_scales_the_term():
    terms = build_objective("wgan-gp", {"gp_weight": 2.5}).critic_loss(make(linear_critic()))
    assert terms.losses["gp"].item() == pytest.approx(2.5 * 16)


def test_same_rng_state_same_loss_and_no_global_rng_use():
    torch.manual_seed(1)
    critic = ScoreCritic(nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1), nn.Flatten(0)))
    objective = build_objective("wgan-gp", {})
    state = torch.get_rng_state()
    first = objective.critic_loss(make(critic, seed=7)).losses["gp"]
    again = objective.critic_loss(make(critic, seed=7)).losses["gp"]
    other = objective.critic_loss(make(critic, seed=8)).losses["gp"]
    assert torch.equal(torch.get_rng_state(), state)
    assert first.item() == again.item()
    assert first.item() != other.item()


def test_negative_gp_weight_is_rejected():
    with pytest.raises(GankitError, match="gp_weight"):
        build_objective("wgan-gp", {"gp_weight": -1})
