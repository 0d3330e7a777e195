"""Every family and every supported shape honours the generator/critic contract."""

import copy
import functools

import pytest
import torch
from torch import nn

from gankit.nets import Critic, build_nets

Z = 16
CASES = [
    ("mlp", (2,), {"g_hidden": 32, "d_hidden": 32}),
    ("mlp", (5,), {"g_hidden": 32, "d_hidden": 32, "g_norm": "batch", "d_norm": "layer"}),
    ("mlp", (1, 28, 28), {"g_hidden": 32, "d_hidden": 32}),
    ("dcgan", (1, 28, 28), {"width": 8}),
    ("dcgan", (3, 28, 28), {"width": 8, "d_norm": "layer"}),
    ("dcgan", (1, 32, 32), {"width": 8, "d_norm": "instance"}),
    ("dcgan", (3, 32, 32), {"width": 8}),
    ("dcgan", (3, 64, 64), {"width": 8, "g_norm": "layer"}),
    ("dcgan", (2, 64, 64), {"width": 8, "g_norm": "none", "d_norm": "none"}),
    ("infogan", (1, 28, 28), {}),
    ("infogan", (3, 28, 28), {"d_norm": "layer", "g_norm": "none"}),
    ("began", (1, 28, 28), {"filters": 8, "repeat": 1}),
    ("began", (3, 32, 32), {"filters": 8}),
]
IDS = [f"{name}-{'x'.join(map(str, shape))}-{len(opts)}" for name, shape, opts in CASES]


@functools.cache
def _built(index: int):
    name, shape, options = CASES[index]
    return shape, *build_nets(name, options, shape, Z)


@pytest.fixture(params=range(len(CASES)), ids=IDS)
def case(request):
    # Copies of one build per case: fresh state for each test without re-initialising weights.
    return copy.deepcopy(_built(request.param))


def test_output_shapes(case):
    shape, generator, critic = case
    fake = generator(torch.randn(4, Z))
    assert fake.shape == (4, *shape)
    assert critic(fake).score.shape == (4,)


def test_image_generators_stay_in_unit_range(case):
    shape, generator, _ = case
    if len(shape) != 3:
        pytest.skip("points are unbounded")
    fake = generator(50 * torch.randn(8, Z))
    assert fake.min() >= -1 and fake.max() <= 1
    assert isinstance(list(generator.modules())[-1], nn.Tanh)


def test_critic_is_features_then_head(case):
    shape, _, critic = case
    x = torch.randn(3, *shape)
    features = critic.features(x)
    assert isinstance(critic, Critic)
    assert features.shape == (3, critic.feature_dim)
    assert critic.head.out_features == 1
    torch.testing.assert_close(critic(x).score, critic.head(features).squeeze(1))


def test_gradients_reach_every_parameter(case):
    _, generator, critic = case
    critic(generator(torch.randn(4, Z))).score.sum().backward()
    for net in (generator, critic):
        grads = [p.grad for p in net.parameters()]
        assert all(g is not None and torch.isfinite(g).all() for g in grads)
        assert sum(g.abs().sum() for g in grads) > 0


def test_batch_of_one_in_eval_mode(case):
    shape, generator, critic = case
    generator.eval()
    critic.eval()
    with torch.no_grad():
        fake = generator(torch.randn(1, Z))
        assert fake.shape == (1, *shape)
        assert critic(fake).score.shape == (1,)
