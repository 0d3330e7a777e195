import pytest

from gankit.core.errors import GankitError
from gankit.objectives import build_objective

REAL = [0.0, 1.0, -2.0, 3.5]
FAKE = [0.0, 1.0, -1.0, 2.5]


def mean_half_square(values: list[float], target: float) -> float:
    return sum(0.5 * (v - target) ** 2 for v in values) / len(values)


def test_default_is_the_papers_zero_one_coding(batch):
    objective = build_objective("lsgan", {})
    assert (objective.options.a, objective.options.b, objective.options.c) == (0.0, 1.0, 1.0)
    critic = objective.critic_loss(batch(REAL, FAKE))
    generator = objective.generator_loss(batch(REAL, FAKE))
    # real: (0.5 + 0 + 4.5 + 3.125) / 4; fake: (0 + 0.5 + 0.5 + 3.125) / 4; G: (0.5 + 0 + 2 + 1.125) / 4
    assert critic.losses["real"].item() == pytest.approx(8.125 / 4)
    assert critic.losses["fake"].item() == pytest.approx(4.125 / 4)
    assert generator.losses["adv"].item() == pytest.approx(3.625 / 4)


def test_pearson_coding(batch):
    objective = build_objective("lsgan", {"a": -1, "b": 1, "c": 0})
    critic = objective.critic_loss(batch(REAL, FAKE))
    generator = objective.generator_loss(batch(REAL, FAKE))
    assert critic.losses["real"].item() == pytest.approx(mean_half_square(REAL, 1.0))
    assert critic.losses["fake"].item() == pytest.approx(mean_half_square(FAKE, -1.0))
    assert generator.losses["adv"].item() == pytest.approx(mean_half_square(FAKE, 0.0))


def test_equal_real_and_fake_targets_are_rejected():
    with pytest.raises(GankitError, match="objective_options.a"):
        build_objective("lsgan", {"a": 1.0, "b": 1.0})
