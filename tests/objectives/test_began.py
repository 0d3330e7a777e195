import pytest

from gankit.core.errors import GankitError
from gankit.objectives import build_objective

REAL = [[0.2, 0.0], [0.4, 0.0]]  # L(x) = 0.3
FAKE = [[0.1, 0.0], [0.3, 0.0]]  # L(G(z)) = 0.2


def steps(objective, batch, n=1):
    for _ in range(n):
        critic = objective.critic_loss(batch)
        generator = objective.generator_loss(batch)
        objective.after_generator_step(critic, generator)
    return critic, generator


def test_losses_use_k_t(energy):
    objective = build_objective("began", {"k_init": 0.25})
    critic = objective.critic_loss(energy(REAL, FAKE))
    assert critic.losses["real"].item() == pytest.approx(0.3)
    assert critic.losses["fake"].item() == pytest.approx(-0.25 * 0.2)
    assert objective.generator_loss(energy(REAL, FAKE)).losses["adv"].item() == pytest.approx(0.2)


def test_k_update_and_convergence_measure(energy):
    objective = build_objective("began", {"gamma": 0.5, "lambda_k": 0.1, "k_init": 0.5})
    _, generator = steps(objective, energy(REAL, FAKE))
    balance = 0.5 * 0.3 - 0.2  # gamma L(x) - L(G(z)) = -0.05
    assert objective.k == pytest.approx(0.5 + 0.1 * balance)
    assert objective.convergence == pytest.approx(0.3 + abs(balance))
    assert generator.stats["k"].item() == pytest.approx(objective.k)
    assert generator.stats["convergence"].item() == pytest.approx(0.3 + 0.05)


def test_k_is_clipped_to_the_unit_interval(energy):
    low = build_objective("began", {"gamma": 0.5, "lambda_k": 1.0, "k_init": 0.01})
    steps(low, energy(REAL, FAKE))  # balance -0.05 would take k below 0
    assert low.k == 0.0
    high = build_objective("began", {"gamma": 1.0, "lambda_k": 10.0, "k_init": 0.9})
    steps(high, energy(REAL, FAKE))  # balance +0.1, step +1.0
    assert high.k == 1.0


def test_state_round_trip(energy):
    objective = build_objective("began", {"lambda_k": 0.1})
    steps(objective, energy(REAL, [[0.0, 0.0], [0.0, 0.0]]), n=3)
    restored = build_objective("began", {})
    restored.load_state_dict(objective.state_dict())
    assert restored.k == objective.k > 0
    assert restored.convergence == objective.convergence


def test_needs_an_autoencoder_critic():
    objective = build_objective("began", {})
    assert objective.critic_spec().kind == "autoencoder"
    assert objective.critic_spec().energy == "l1"


@pytest.mark.parametrize("options", [{"gamma": 1.5}, {"k_init": -0.1}, {"lambda_k": -1.0}])
def test_bad_options(options):
    with pytest.raises(GankitError, match="objective_options"):
        build_objective("began", options)
