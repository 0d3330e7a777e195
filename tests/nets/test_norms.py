"""Critic normalisation choices: what WGAN-GP, DRAGAN and SN-GAN presets rely on."""

import pytest
import torch
from torch import nn
from torch.nn.utils import parametrize

from gankit.core.errors import GankitError
from gankit.nets import build_nets

Z = 8
SHAPES = {"mlp": (2,), "dcgan": (3, 32, 32), "infogan": (1, 28, 28)}
SMALL = {"mlp": {"d_hidden": 16}, "dcgan": {"width": 8}, "infogan": {}}
PER_SAMPLE = [
    (name, norm)
    for name in SHAPES
    for norm in ("none", "layer", "instance")
    if norm != "instance" or name == "dcgan"
]


def _critic(name: str, **options):
    return build_nets(name, {**SMALL[name], **options}, SHAPES[name], Z)[1]


def _weighted(net: nn.Module) -> list[nn.Module]:
    return [m for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]


@pytest.mark.parametrize("name, norm", PER_SAMPLE)
def test_per_sample_critics_have_no_batch_norm(name, norm):
    critic = _critic(name, d_norm=norm)
    assert not any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in critic.modules())


@pytest.mark.parametrize("name, norm", PER_SAMPLE)
def test_per_sample_critic_scores_do_not_depend_on_the_batch(name, norm):
    critic = _critic(name, d_norm=norm).train()
    x = torch.randn(5, *SHAPES[name])
    torch.testing.assert_close(critic(x).score[:1], critic(x[:1]).score)


@pytest.mark.parametrize("name", ["dcgan", "infogan"])
def test_layer_norm_is_a_per_sample_group_norm_on_maps(name):
    critic = _critic(name, d_norm="layer")
    groups = [m for m in critic.modules() if isinstance(m, nn.GroupNorm)]
    assert groups and all(m.num_groups == 1 for m in groups)


@pytest.mark.parametrize("name", list(SHAPES))
def test_batch_norm_critic_when_asked(name):
    critic = _critic(name, d_norm="batch")
    assert any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in critic.modules())


@pytest.mark.parametrize("name", list(SHAPES))
def test_spectral_norm_wraps_every_critic_weight(name):
    generator, critic = build_nets(
        name, {**SMALL[name], "spectral_norm": True, "d_norm": "none"}, SHAPES[name], Z
    )
    assert all(parametrize.is_parametrized(m, "weight") for m in _weighted(critic))
    assert not any(parametrize.is_parametrized(m) for m in generator.modules())


@pytest.mark.parametrize("name", list(SHAPES))
def test_spectral_norm_bounds_the_largest_singular_value(name):
    critic = _critic(name, spectral_norm=True, d_norm="none").train()
    x = torch.randn(4, *SHAPES[name])
    with torch.no_grad():
        for _ in range(10):  # each train-mode forward runs one power iteration
            critic(x)
        # An exact SVD of infogan's 1024×6272 layer takes seconds on CPU, so check the rest.
        matrices = [m.weight.flatten(1) for m in _weighted(critic)]
        small = [w for w in matrices if min(w.shape) <= 128]
        sigmas = [float(torch.linalg.matrix_norm(w, ord=2)) for w in small]
    assert len(sigmas) >= 2
    assert sigmas == pytest.approx([1.0] * len(sigmas), abs=0.05)


@pytest.mark.parametrize("name", list(SHAPES))
def test_spectral_norm_with_batch_norm_is_refused(name):
    with pytest.raises(GankitError, match="spectral_norm.*d_norm='batch'"):
        _critic(name, spectral_norm=True, d_norm="batch")


def test_spectral_norm_with_layer_norm_is_allowed():
    critic = _critic("dcgan", spectral_norm=True, d_norm="layer")
    assert any(isinstance(m, nn.GroupNorm) for m in critic.modules())
