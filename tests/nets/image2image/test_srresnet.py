"""SRGAN's generator: ×2 and ×4 any input size, figure 4's layers and parameter count."""

import pytest
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.nets.image2image import SRResNetGenerator


@pytest.mark.parametrize("scale", [2, 4])
@pytest.mark.parametrize("height, width", [(7, 9), (14, 14), (16, 16)])
def test_output_is_the_input_times_the_scale(scale, height, width):
    generator = SRResNetGenerator(3, 3, scale=scale, blocks=2, width=8)
    out = generator(None, torch.rand(2, 3, height, width) * 2 - 1)
    assert out.shape == (2, 3, scale * height, scale * width)
    assert out.abs().max() <= 1


def test_figure_four_layers_and_parameter_count():
    """16 blocks, 64 channels, ×4: the 1,549,462 parameters usually quoted for SRResNet, less the
    biases of the 33 convolutions that batch norm follows here."""
    generator = SRResNetGenerator(3, 3, scale=4)
    assert sum(p.numel() for p in generator.parameters()) == 1_549_462 - 33 * 64
    assert len(generator.blocks) == 16
    assert sum(isinstance(m, nn.PixelShuffle) for m in generator.modules()) == 2
    kernels = [m.kernel_size for m in generator.modules() if isinstance(m, nn.Conv2d)]
    assert kernels[0] == kernels[-1] == (9, 9)
    assert isinstance(generator.out[-1], nn.Tanh)


def test_the_long_skip_and_the_blocks_carry_gradient():
    generator = SRResNetGenerator(1, 1, scale=2, blocks=2, width=8)
    generator(None, torch.rand(2, 1, 8, 8) * 2 - 1).sum().backward()
    assert all(p.grad is not None and p.grad.abs().sum() > 0 for p in generator.parameters())


def test_scale_must_be_a_power_of_two():
    with pytest.raises(GankitError, match="scale"):
        SRResNetGenerator(3, 3, scale=3)
