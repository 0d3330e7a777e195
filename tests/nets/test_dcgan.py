"""DCGAN specifics: channel progression, initialisation, features/head."""

import pytest
import torch
from torch import nn

from gankit.nets import build_nets


@pytest.mark.parametrize("size, start, top", [(28, 7, 2), (32, 4, 4), (64, 4, 8)])
def test_channels_double_as_maps_halve(size, start, top):
    width = 8
    generator, critic = build_nets("dcgan", {"width": width}, (3, size, size), 16)
    assert generator[0].out_features == top * width * start * start
    assert critic.feature_dim == top * width * start * start
    ups = [m for m in generator.modules() if isinstance(m, nn.ConvTranspose2d)]
    downs = [m for m in critic.modules() if isinstance(m, nn.Conv2d)]
    assert len(ups) == len(downs) == {28: 2, 32: 3, 64: 4}[size]
    assert [m.out_channels for m in downs] == [width * 2**i for i in range(len(downs))]


@torch.no_grad()
def test_weights_follow_the_dcgan_initialisation():
    generator, critic = build_nets("dcgan", {}, (3, 64, 64), 100)
    convs = [
        m.weight
        for net in (generator, critic)
        for m in net.modules()
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))
    ]
    weights = torch.cat([w.flatten() for w in convs])
    scales = torch.cat([m.weight for m in generator.modules() if isinstance(m, nn.BatchNorm2d)])
    assert weights.mean().abs() < 1e-3 and weights.std() == pytest.approx(0.02, rel=0.05)
    assert scales.mean() == pytest.approx(1.0, abs=0.01)
    assert scales.std() == pytest.approx(0.02, rel=0.2)


def test_generator_uses_relu_and_critic_leaky_relu():
    generator, critic = build_nets("dcgan", {"width": 8}, (1, 32, 32), 16)
    assert not any(isinstance(m, nn.LeakyReLU) for m in generator.modules())
    assert not any(isinstance(m, nn.ReLU) for m in critic.modules())
    assert not any(isinstance(m, (nn.MaxPool2d, nn.AvgPool2d)) for m in critic.modules())


def test_first_critic_layer_is_not_normalised():
    _, critic = build_nets("dcgan", {"width": 8}, (1, 64, 64), 16)
    assert isinstance(critic.features[1], nn.LeakyReLU)
