import math

import pytest

from gankit.objectives import build_objective

REAL = [0.0, 2.0, -3.0, 1000.0, -1000.0]
FAKE = [0.5, -2.0, 4.0, 1000.0, -1000.0]


def softplus(x: float) -> float:
    """log(1 + e^x), written so e^x never overflows."""
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def test_critic_terms_are_the_logistic_losses(batch):
    terms = build_objective("minimax", {}).critic_loss(batch(REAL, FAKE))
    assert set(terms.losses) == {"real", "fake"}
    assert terms.losses["real"].item() == pytest.approx(mean([softplus(-d) for d in REAL]))
    assert terms.losses["fake"].item() == pytest.approx(mean([softplus(d) for d in FAKE]))


def test_critic_loss_at_zero_is_log_two(batch):
    terms = build_objective("minimax", {}).critic_loss(batch([0.0], [0.0]))
    assert terms.total().item() == pytest.approx(2 * math.log(2))


def test_generator_term_is_minus_softplus(batch):
    terms = build_objective("minimax", {}).generator_loss(batch(REAL, FAKE))
    assert set(terms.losses) == {"adv"}
    assert terms.losses["adv"].item() == pytest.approx(mean([-softplus(d) for d in FAKE]))


def test_large_scores_stay_finite(batch):
    terms = build_objective("minimax", {}).critic_loss(batch([-1e4], [1e4]))
    assert terms.losses["real"].item() == pytest.approx(1e4)
    assert terms.losses["fake"].item() == pytest.approx(1e4)


def test_generator_gradient_saturates_when_the_critic_wins(batch):
    # d(-softplus(d))/dd = -sigmoid(d), which vanishes as d -> -inf.
    step = batch([0.0], [-20.0], fake_grad=True)
    build_objective("minimax", {}).generator_loss(step).total().backward()
    expected = -1.0 / (1.0 + math.exp(20.0))
    assert float(step.fake.grad) == pytest.approx(expected, rel=1e-4)
    assert abs(float(step.fake.grad)) < 1e-8
