import math

import pytest

from gankit.objectives import build_objective
from gankit.objectives.base import Terms, TrainingPlan
from gankit.objectives.energy import PRETRAIN_PHASE
from gankit.objectives.magan import ESTIMATE_PHASE


def stats(**values):
    import torch

    return Terms({}, {k: torch.tensor(v) for k, v in values.items()})


def epoch(objective, real, fake, steps):
    for _ in range(steps):
        objective.after_generator_step(stats(energy_real=real), stats(energy_fake=fake))


def test_phases_pretrain_two_epochs_then_measure_one():
    objective = build_objective("magan", {})
    objective.bind(TrainingPlan(batch_size=64, steps=100, data_size=6400))
    pretrain, estimate = objective.phases()
    assert (pretrain.name, pretrain.steps, pretrain.trains) == (PRETRAIN_PHASE, 200, "critic")
    assert (estimate.name, estimate.steps, estimate.trains) == (ESTIMATE_PHASE, 100, "nothing")


def test_initial_margin_is_the_mean_real_energy(energy):
    objective = build_objective("magan", {"epoch_steps": 2})
    _, estimate = objective.phases()
    estimate.loss(energy([[2.0, 0.0], [4.0, 0.0]], [[0.0, 0.0]]))  # batch mean 3
    estimate.loss(energy([[5.0, 0.0], [7.0, 0.0]], [[0.0, 0.0]]))  # batch mean 6
    assert objective.margin() == pytest.approx(4.5)


def test_the_margin_is_the_hinge_of_the_critic_loss(energy):
    objective = build_objective("magan", {})
    objective.state["margin"] = 5.0
    terms = objective.critic_loss(energy([[1.0, 0.0]], [[2.0, 0.0]]))
    assert terms.losses["fake"].item() == pytest.approx(3.0)


def test_margin_update_rule():
    objective = build_objective("magan", {"epoch_steps": 2})
    objective.state["margin"] = 10.0
    epoch(objective, real=4.0, fake=6.0, steps=2)  # first epoch: only recorded
    assert objective.margin() == 10.0 and objective.state["previous_s_fake"] == 12.0
    epoch(objective, real=4.0, fake=5.0, steps=2)  # S_fake fell: no update
    assert objective.margin() == 10.0
    epoch(objective, real=4.0, fake=7.0, steps=2)  # all three conditions hold
    assert objective.margin() == pytest.approx(4.0)
    epoch(objective, real=3.0, fake=2.0, steps=2)  # S_real > S_fake: no update
    assert objective.margin() == pytest.approx(4.0)
    epoch(objective, real=5.0, fake=9.0, steps=2)  # mean real above the margin: no update
    assert objective.margin() == pytest.approx(4.0)


def test_margin_is_logged_and_state_round_trips():
    objective = build_objective("magan", {"epoch_steps": 3})
    objective.state["margin"] = 2.5
    generator = stats(energy_fake=1.0)
    objective.after_generator_step(stats(energy_real=1.0), generator)
    assert generator.stats["margin"].item() == 2.5
    restored = build_objective("magan", {"epoch_steps": 3})
    restored.load_state_dict(objective.state_dict())
    assert restored.state == objective.state
    assert build_objective("magan", {}).state["previous_s_fake"] == math.inf


def test_sources_without_a_size_use_a_fixed_epoch():
    objective = build_objective("magan", {})
    objective.bind(TrainingPlan(batch_size=256, steps=10, data_size=None))
    assert objective.epoch_length() == 100
