"""R2: R1's penalty on the fakes (Mescheder et al. 2018; R3GAN's second regulariser)."""

import pytest
import torch

from gankit.nets.critic import ScoreCritic
from gankit.penalties import build_penalty

W = [1.0, 2.0, 2.0, 4.0]  # ||w||^2 = 25


def test_linear_critic_penalty_is_half_squared_norm(linear, batch):
    assert build_penalty("r2", {})(batch(linear(W))).item() == pytest.approx(12.5)


def test_quadratic_critic_by_hand_on_the_fakes(batch):
    # D(x) = sum(x^2) has gradient 2x: the penalty is the mean over fakes of 2 * sum(x^2)
    critic = ScoreCritic(torch.nn.Sequential(torch.nn.Flatten(), _SumOfSquares()))
    step = batch(critic)
    fake = step.fake.flatten(1).tolist()
    expected = sum(2 * sum(v * v for v in row) for row in fake) / len(fake)
    assert build_penalty("r2", {})(step).item() == pytest.approx(expected)
    step.real = step.real * 100  # the real samples do not matter
    assert build_penalty("r2", {})(step).item() == pytest.approx(expected)


def test_gradient_reaches_the_critic_parameters(linear, batch, grad_of_weight):
    critic = linear(W)
    build_penalty("r2", {})(batch(critic)).backward()
    assert grad_of_weight(critic).tolist() == pytest.approx(W)


class _SumOfSquares(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.pow(2).sum(dim=1)
