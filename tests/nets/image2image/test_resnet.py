"""CycleGAN's residual generator: the paper's layers, any input size cropped back exactly, and
CycleGAN's two-way nets: both directions and both critics."""

import pytest
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.nets import build_nets
from gankit.nets.image2image import ResnetGenerator, TwoSidedCritic, TwoWayGenerator
from gankit.nets.image2image.resnet import ResidualBlock


def source(n, channels, height, width):
    return torch.rand(n, channels, height, width) * 2 - 1


@pytest.mark.parametrize("height, width", [(28, 28), (32, 32), (64, 64), (27, 29)])
def test_output_has_the_input_size_in_minus_one_to_one(height, width):
    generator = ResnetGenerator(3, 1, blocks=2, width=4)
    out = generator(None, source(2, 3, height, width))
    assert out.shape == (2, 1, height, width)
    assert out.abs().max() <= 1


def test_the_papers_layers_c7s1_d_r_u_c7s1():
    generator = ResnetGenerator(3, 3, blocks=6, width=64)
    convs = [m for m in generator.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))]
    kernels = [(type(m).__name__, m.kernel_size[0], m.stride[0], m.out_channels) for m in convs]
    assert kernels[:3] == [("Conv2d", 7, 1, 64), ("Conv2d", 3, 2, 128), ("Conv2d", 3, 2, 256)]
    assert kernels[3:15] == [("Conv2d", 3, 1, 256)] * 12  # R256 x 6, two convolutions each
    assert kernels[15:] == [("ConvTranspose2d", 3, 2, 128), ("ConvTranspose2d", 3, 2, 64),
                            ("Conv2d", 7, 1, 3)]
    assert sum(isinstance(m, nn.InstanceNorm2d) for m in generator.modules()) == 3 + 12 + 2


def test_a_residual_block_adds_its_input():
    generator = ResnetGenerator(1, 1, blocks=1, width=2)
    block = next(m for m in generator.modules() if isinstance(m, ResidualBlock))
    for parameter in block.parameters():
        nn.init.zeros_(parameter)  # its body then outputs 0 (instance norm's shift is 0 too)
    x = source(1, 8, 5, 5)
    assert torch.equal(block(x), x)


def test_too_small_an_image_is_refused_with_one_line():
    with pytest.raises(GankitError, match="at least 8x8 pixels"):
        ResnetGenerator(1, 1, blocks=1, width=2)(None, source(1, 1, 6, 30))


@pytest.mark.parametrize("options", [{"generator": "resnet"}, {"generator": "unet"}])
def test_cyclegan_nets_translate_both_ways_between_domains_of_other_channels(options):
    generator, critic = build_nets("cyclegan", {**options, "width": 4, "d_width": 4},
                                   (3, 28, 28), 4, source_shape=(1, 28, 28))
    assert isinstance(generator, TwoWayGenerator) and isinstance(critic, TwoSidedCritic)
    x = source(2, 1, 28, 28)
    y = generator(None, x)
    assert y.shape == (2, 3, 28, 28)
    assert generator(None, y, inverse=True).shape == (2, 1, 28, 28)
    assert critic(y).score.shape == critic(x, side="source").score.shape == (2, 144)
    assert critic(y, x).score.equal(critic(y).score)  # unconditional: the source is not seen


def test_cyclegan_nets_refuse_domains_of_two_sizes():
    with pytest.raises(GankitError, match="images of one size"):
        build_nets("cyclegan", {}, (1, 28, 28), 4, source_shape=(1, 14, 14))
