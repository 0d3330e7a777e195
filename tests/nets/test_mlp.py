"""MLP specifics: depth, activations, linear output for points."""

import pytest
import torch
from torch import nn

from gankit.nets import build_nets


def test_point_generator_ends_linear():
    generator, _ = build_nets("mlp", {}, (2,), 8)
    assert not any(isinstance(m, nn.Tanh) for m in generator.modules())
    assert generator(100 * torch.randn(64, 8)).abs().max() > 1


@pytest.mark.parametrize("layers", [0, 1, 3])
def test_layer_counts_are_hidden_layers(layers):
    generator, critic = build_nets("mlp", {"g_layers": layers, "d_layers": layers}, (2,), 8)
    for net in (generator, critic):
        assert sum(isinstance(m, nn.Linear) for m in net.modules()) == layers + 1


@pytest.mark.parametrize(
    "name, kind", [("relu", nn.ReLU), ("leaky_relu", nn.LeakyReLU), ("elu", nn.ELU)]
)
def test_activation_applies_to_both_nets(name, kind):
    generator, critic = build_nets("mlp", {"activation": name}, (2,), 8)
    for net in (generator, critic):
        acts = [m for m in net.modules() if isinstance(m, kind)]
        assert len(acts) == 3
        assert all(m.negative_slope == 0.2 for m in acts if isinstance(m, nn.LeakyReLU))


def test_layer_norm_in_critic():
    _, critic = build_nets("mlp", {"d_norm": "layer"}, (2,), 8)
    assert sum(isinstance(m, nn.LayerNorm) for m in critic.modules()) == 3
