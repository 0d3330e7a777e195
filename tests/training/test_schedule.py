import re

import pytest
import torch

from gankit.config.load import load_config
from gankit.core.errors import GankitError
from gankit.training.learning_rate import apply_lr, lr_factor
from gankit.training.runs import start_run


def test_linear_decays_to_zero_at_the_last_step():
    assert lr_factor("linear", 0, 100) == 1.0
    assert lr_factor("linear", 25, 100) == pytest.approx(0.75)
    assert lr_factor("linear", 100, 100) == 0.0
    assert lr_factor("constant", 50, 100) == 1.0


def test_apply_sets_every_group():
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
    apply_lr(opt, 0.2, 0.5)
    assert opt.param_groups[0]["lr"] == pytest.approx(0.1)


def test_step_multiplies_by_the_decay_at_each_milestone():
    assert lr_factor("step", 11999, 18750, [12000], 0.5) == 1.0
    assert lr_factor("step", 12000, 18750, [12000], 0.5) == 0.5
    assert lr_factor("step", 15000, 20000, [5000, 10000, 15000], 0.1) == pytest.approx(1e-3)
    assert 2e-4 * lr_factor("step", 13000, 18750, [12000]) == 1e-4  # exactly the halved rate


@pytest.mark.parametrize("overrides, message", [
    (["lr_schedule=step"], "needs lr_milestones"),
    (["lr_milestones=[100]"], "only apply to lr_schedule=step"),
    (["lr_schedule=step", "lr_milestones=[200, 100]"], "must be increasing"),
    (["lr_schedule=step", "lr_milestones=[0]"], "must be increasing"),
    (["lr_schedule=step", "lr_milestones=[100]", "lr_decay=1.5"], "lr_decay must be in (0, 1)"),
    (["lr_schedule=step", "lr_milestones=[ten]"], "lr_milestones[0]"),
])
def test_bad_step_schedules_get_one_clear_line(overrides, message):
    with pytest.raises(GankitError, match=re.escape(message)):
        load_config("ns-ring", overrides)


def test_a_step_schedule_sets_the_optimisers_rates(tiny_ring_overrides):
    trainer = start_run(load_config(None, tiny_ring_overrides + [
        "steps=6", "lr_schedule=step", "lr_milestones=[2, 4]", "lr_decay=0.5", "g_opt.lr=0.001"]))
    rates = []
    while trainer.state.rounds < 6:
        trainer.train_step()
        rates.append(trainer.parts.optimizers["g"].param_groups[0]["lr"])
    assert rates == pytest.approx([1e-3, 1e-3, 5e-4, 5e-4, 2.5e-4, 2.5e-4])
