import math

import pytest
import torch

from gankit.core.step import BeforeGame, TrainingPlan
from gankit.objectives import build_objective
from gankit.objectives.energy.base import PRETRAIN_PHASE

PLAN = TrainingPlan(batch_size=64, steps=100, data_size=6400)


def epoch(objective, real, fake, steps, round_done, entry):
    track = entry(objective, PLAN, "state")
    for _ in range(steps):
        track.loss(round_done(real, fake))


def test_phases_pretrain_two_epochs_then_measure_one():
    objective = build_objective("magan", {})
    pretrain, estimate = objective.schedule(PLAN)[:2]
    assert (pretrain.name, pretrain.when, pretrain.trains) == (PRETRAIN_PHASE, BeforeGame(200),
                                                                 "critic")
    assert (estimate.name, estimate.when, estimate.trains) == ("margin_estimate", BeforeGame(100),
                                                                 "nothing")
    assert [e.name for e in objective.schedule(PLAN)[2:]] == ["critic", "generator", "state"]


def test_initial_margin_is_the_mean_real_energy(energy, entry):
    objective = build_objective("magan", {"epoch_steps": 2})
    estimate = entry(objective, PLAN, "margin_estimate")
    estimate.loss(energy([[2.0, 0.0], [4.0, 0.0]], [[0.0, 0.0]]))  # batch mean 3
    estimate.loss(energy([[5.0, 0.0], [7.0, 0.0]], [[0.0, 0.0]]))  # batch mean 6
    assert float(objective.margin()) == pytest.approx(4.5)


def test_the_margin_is_the_hinge_of_the_critic_loss(energy):
    objective = build_objective("magan", {})
    objective.state.margin = torch.tensor(5.0, dtype=torch.float64)
    terms = objective.critic_loss(energy([[1.0, 0.0]], [[2.0, 0.0]]))
    assert terms.losses["fake"].item() == pytest.approx(3.0)


def test_margin_update_rule(round_done, entry):
    objective = build_objective("magan", {"epoch_steps": 2})
    objective.state.margin = torch.tensor(10.0, dtype=torch.float64)
    epoch(objective, 4.0, 6.0, 2, round_done, entry)  # first epoch: only recorded
    assert float(objective.margin()) == 10.0 and float(objective.state.previous_s_fake) == 12.0
    epoch(objective, 4.0, 5.0, 2, round_done, entry)  # S_fake fell: no update
    assert float(objective.margin()) == 10.0
    epoch(objective, 4.0, 7.0, 2, round_done, entry)  # all three conditions hold
    assert float(objective.margin()) == pytest.approx(4.0)
    epoch(objective, 3.0, 2.0, 2, round_done, entry)  # S_real > S_fake: no update
    assert float(objective.margin()) == pytest.approx(4.0)
    epoch(objective, 5.0, 9.0, 2, round_done, entry)  # mean real above the margin: no update
    assert float(objective.margin()) == pytest.approx(4.0)


def test_margin_is_logged_and_state_round_trips(round_done, entry):
    objective = build_objective("magan", {"epoch_steps": 3})
    objective.state.margin = torch.tensor(2.5, dtype=torch.float64)
    terms = entry(objective, PLAN, "state").loss(round_done(1.0, 1.0))
    assert terms.stats["margin"].item() == 2.5
    restored = build_objective("magan", {"epoch_steps": 3})
    restored.load_state_dict(objective.state_dict())
    assert restored.state_dict() == objective.state_dict()
    assert float(build_objective("magan", {}).state.previous_s_fake) == math.inf


def test_sources_without_a_size_use_a_fixed_epoch(entry):
    objective = build_objective("magan", {})
    plan = TrainingPlan(batch_size=256, steps=10, data_size=None)
    assert entry(objective, plan, "margin_estimate").when == BeforeGame(100)
