import pytest
import torch

from gankit.training.schedule import apply_lr, lr_factor


def test_linear_decays_to_zero_at_the_last_step():
    assert lr_factor("linear", 0, 100) == 1.0
    assert lr_factor("linear", 25, 100) == pytest.approx(0.75)
    assert lr_factor("linear", 100, 100) == 0.0
    assert lr_factor("constant", 50, 100) == 1.0


def test_apply_sets_every_group():
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
    apply_lr(opt, 0.2, 0.5)
    assert opt.param_groups[0]["lr"] == pytest.approx(0.1)
