"""Optimiser settings: gradient clipping by global norm (g_opt.clip_norm / d_opt.clip_norm) and
fused updates (fused)."""

import pytest
import torch

from gankit.config.load import load_config
from gankit.config.schema import OptimizerConfig
from gankit.core.errors import GankitError
from gankit.training.optim import make_optimizer


def step_once(clip_norm):
    weight = torch.nn.Parameter(torch.zeros(2))
    optimizer = make_optimizer(OptimizerConfig(name="sgd", lr=1.0, clip_norm=clip_norm), [weight])
    weight.grad = torch.tensor([3.0, 4.0])  # norm 5
    optimizer.step()
    return weight.detach()


def test_clip_norm_scales_the_step():
    torch.testing.assert_close(step_once(0.0), torch.tensor([-3.0, -4.0]))
    torch.testing.assert_close(step_once(1.0), torch.tensor([-0.6, -0.8]), atol=1e-5, rtol=0)
    torch.testing.assert_close(step_once(10.0), torch.tensor([-3.0, -4.0]))


def test_negative_clip_norm_is_refused():
    with pytest.raises(GankitError, match="g_opt.clip_norm must be >= 0"):
        load_config(None, ["g_opt.clip_norm=-1"])


@pytest.mark.parametrize("name", ["adam", "sgd"])
def test_a_fused_optimiser_takes_the_unfused_ones_steps(name):
    torch.manual_seed(0)
    start, grads = torch.randn(3, 4), [torch.randn(3, 4) for _ in range(5)]
    weights = []
    for fused in (False, True):
        weight = torch.nn.Parameter(start.clone())
        optimizer = make_optimizer(OptimizerConfig(name=name, lr=0.1, momentum=0.9, fused=fused),
                                   [weight])
        assert bool(optimizer.param_groups[0]["fused"]) is fused
        for grad in grads:
            weight.grad = grad.clone()
            optimizer.step()
        weights.append(weight.detach())
    assert not torch.equal(weights[0], start)
    torch.testing.assert_close(weights[1], weights[0], rtol=1e-6, atol=1e-6)


def test_a_fused_optimiser_torch_lacks_is_refused():
    with pytest.raises(GankitError, match="d_opt.fused: torch has no fused rmsprop; it has fused "
                                          "adam and sgd"):
        load_config(None, ["d_opt.name=rmsprop", "d_opt.fused=true"])
