import pytest
import torch

from gankit.nets.critic import ScoreCritic
from gankit.penalties import build_penalty

W = [1.0, 2.0, 2.0, 4.0]  # ||w||^2 = 25


def test_linear_critic_penalty_is_half_squared_norm(linear, batch):
    assert build_penalty("r1", {})(batch(linear(W))).item() == pytest.approx(12.5)


def test_quadratic_critic_by_hand(batch):
    # D(x) = sum(x^2) has gradient 2x, so the penalty is mean over samples of 2 * sum(x^2).
    critic = ScoreCritic(torch.nn.Sequential(torch.nn.Flatten(), _SumOfSquares()))
    real = batch(critic).real.flatten(1).tolist()
    expected = sum(2 * sum(v * v for v in row) for row in real) / len(real)
    assert build_penalty("r1", {})(batch(critic)).item() == pytest.approx(expected)


def test_gradient_reaches_the_critic_parameters(linear, batch, grad_of_weight):
    critic = linear(W)
    build_penalty("r1", {})(batch(critic)).backward()
    assert grad_of_weight(critic).tolist() == pytest.approx(W)  # d/dw ½||w||^2 = w


def test_fake_samples_do_not_matter(curved, batch):
    step = batch(curved)
    before = build_penalty("r1", {})(step).item()
    step.fake = step.fake * 100
    assert build_penalty("r1", {})(step).item() == before


class _SumOfSquares(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.pow(2).sum(dim=1)
