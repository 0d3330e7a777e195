"""Optimiser settings: gradient clipping by global norm (g_opt.clip_norm / d_opt.clip_norm)."""

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
