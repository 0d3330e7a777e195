import pytest

from gankit.objectives import build_objective

REAL = [-2.0, 0.0, 0.5, 1.0, 3.0]
FAKE = [-3.0, -1.0, 0.0, 0.5, 2.0]


def test_critic_terms_are_hinges_at_plus_minus_one(batch):
    terms = build_objective("hinge", {}).critic_loss(batch(REAL, FAKE))
    # relu(1 - d) on REAL: 3, 1, 0.5, 0, 0; relu(1 + d) on FAKE: 0, 0, 1, 1.5, 3
    assert terms.losses["real"].item() == pytest.approx(4.5 / 5)
    assert terms.losses["fake"].item() == pytest.approx(5.5 / 5)


def test_generator_term_is_minus_the_score(batch):
    terms = build_objective("hinge", {}).generator_loss(batch(REAL, FAKE))
    assert terms.losses["adv"].item() == pytest.approx(-(-3.0 - 1.0 + 0.0 + 0.5 + 2.0) / 5)


def test_scores_beyond_the_margin_cost_nothing(batch):
    terms = build_objective("hinge", {}).critic_loss(batch([1e6], [-1e6]))
    assert terms.total().item() == 0.0
