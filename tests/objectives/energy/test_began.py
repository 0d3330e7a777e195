import dataclasses

import pytest

from gankit.core.errors import GankitError
from gankit.core.step import TrainingPlan
from gankit.objectives import build_objective

REAL = [[0.2, 0.0], [0.4, 0.0]]  # L(x) = 0.3
FAKE = [[0.1, 0.0], [0.3, 0.0]]  # L(G(z)) = 0.2


def steps(objective, batch, n=1):
    """n rounds: critic, generator, then the schedule's k_t update (which sees both)."""
    (k_update,) = [e for e in objective.schedule(TrainingPlan(2, 10)) if e.name == "state"]
    for _ in range(n):
        done = {"critic": objective.critic_loss(batch), "generator": objective.generator_loss(batch)}
        state = k_update.loss(dataclasses.replace(batch, done=done, outputs={}))
    return done["critic"], state


def test_losses_use_k_t(energy):
    objective = build_objective("began", {"k_init": 0.25})
    critic = objective.critic_loss(energy(REAL, FAKE))
    assert critic.losses["real"].item() == pytest.approx(0.3)
    assert critic.losses["fake"].item() == pytest.approx(-0.25 * 0.2)
    assert objective.generator_loss(energy(REAL, FAKE)).losses["adv"].item() == pytest.approx(0.2)


def test_k_update_and_convergence_measure(energy):
    objective = build_objective("began", {"gamma": 0.5, "lambda_k": 0.1, "k_init": 0.5})
    _, state = steps(objective, energy(REAL, FAKE))
    balance = 0.5 * 0.3 - 0.2  # gamma L(x) - L(G(z)) = -0.05
    assert float(objective.k) == pytest.approx(0.5 + 0.1 * balance)
    assert float(objective.convergence) == pytest.approx(0.3 + abs(balance))
    assert state.stats["k"].item() == pytest.approx(float(objective.k))
    assert state.stats["convergence"].item() == pytest.approx(0.3 + 0.05)


def test_k_is_clipped_to_the_unit_interval(energy):
    low = build_objective("began", {"gamma": 0.5, "lambda_k": 1.0, "k_init": 0.01})
    steps(low, energy(REAL, FAKE))  # balance -0.05 would take k below 0
    assert float(low.k) == 0.0
    high = build_objective("began", {"gamma": 1.0, "lambda_k": 10.0, "k_init": 0.9})
    steps(high, energy(REAL, FAKE))  # balance +0.1, step +1.0
    assert float(high.k) == 1.0


def test_state_round_trip(energy):
    objective = build_objective("began", {"lambda_k": 0.1})
    steps(objective, energy(REAL, [[0.0, 0.0], [0.0, 0.0]]), n=3)
    restored = build_objective("began", {})
    restored.load_state_dict(objective.state_dict())
    assert float(restored.k) == float(objective.k) > 0
    assert float(restored.convergence) == float(objective.convergence)


def test_needs_an_autoencoder_critic():
    objective = build_objective("began", {})
    assert objective.critic_spec().kind == "autoencoder"
    assert objective.critic_spec().energy == "l1"


@pytest.mark.parametrize("options", [{"gamma": 1.5}, {"k_init": -0.1}, {"lambda_k": -1.0}])
def test_bad_options(options):
    with pytest.raises(GankitError, match="objective_options"):
        build_objective("began", options)
