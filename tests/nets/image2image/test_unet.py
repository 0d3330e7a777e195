"""pix2pix's U-Net: depth from the image size, any input size cropped back exactly, the paper's
layers and parameter count, dropout as the noise."""

import pytest
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.nets.image2image import UNetGenerator, unet, unet_depth
from gankit.nets.image2image.images import crop, pad_to_multiple


def source(n, channels, height, width):
    return torch.rand(n, channels, height, width) * 2 - 1


@pytest.mark.parametrize("size, depth", [(28, 5), (32, 5), (64, 6), (256, 8), (27, 5), (3, 2)])
def test_depth_takes_the_side_to_a_one_pixel_bottleneck(size, depth):
    assert unet_depth(size) == depth
    assert unet_depth((27, 29)) == 5


@pytest.mark.parametrize("height, width", [(28, 28), (32, 32), (64, 64), (27, 29)])
def test_output_has_the_input_size_in_minus_one_to_one(height, width):
    generator = UNetGenerator(3, 2, (height, width), width=8)
    out = generator(None, source(2, 3, height, width))
    assert out.shape == (2, 2, height, width)
    assert out.abs().max() <= 1


def test_any_size_runs_through_a_net_built_for_another():
    generator = UNetGenerator(1, 1, 32, width=4).eval()
    for height, width in [(32, 32), (64, 48), (33, 17), (10, 40)]:
        assert generator(None, source(1, 1, height, width)).shape == (1, 1, height, width)


def test_padding_is_reflected_and_cropped_back_exactly():
    x = source(2, 3, 27, 29)
    padded, padding = pad_to_multiple(x, 32)
    assert padded.shape[-2:] == (32, 32) and padding == (1, 2, 2, 3)
    assert torch.equal(crop(padded, padding), x)
    assert torch.equal(padded[..., 2, 0], x[..., 0, 1])  # reflection, not zeros or edge copies
    assert torch.equal(padded[..., 0, 1], x[..., 2, 0])
    same, none = pad_to_multiple(torch.zeros(1, 1, 32, 64), 32)
    assert same.shape == (1, 1, 32, 64) and none == (0, 0, 0, 0)


def test_small_images_too_small_to_reflect_are_replicated():
    x = source(1, 1, 5, 5)
    padded, padding = pad_to_multiple(x, 16)
    assert padded.shape[-2:] == (16, 16) and torch.equal(crop(padded, padding), x)
    assert torch.equal(padded[..., 0, 0], x[..., 0, 0])


def test_the_paper_s_256_pixel_net(monkeypatch):
    """Encoder C64-C128-C256-C512-C512-C512-C512-C512, decoder CD512-CD1024-CD1024-C1024-C1024-
    C512-C256-C128 (inputs of each transposed convolution); the authors' code prints 54.414 M
    parameters for it, without the biases of the first and innermost encoder convolutions
    (64 + 512), which no norm follows here."""
    monkeypatch.setattr(unet, "dcgan_init", lambda module: None)  # counting needs no weights
    with torch.device("meta"):
        generator = UNetGenerator(3, 3, 256)
    assert generator.depth == 8
    downs = [m for m in generator.down.modules() if isinstance(m, nn.Conv2d)]
    ups = [m for m in generator.up.modules() if isinstance(m, nn.ConvTranspose2d)]
    assert [m.out_channels for m in downs] == [64, 128, 256, 512, 512, 512, 512, 512]
    assert [m.in_channels for m in ups] == [512, 1024, 1024, 1024, 1024, 512, 256, 128]
    dropped = [any(isinstance(m, nn.Dropout) for m in up.modules()) for up in generator.up]
    assert dropped == [True, True, True, False, False, False, False, False]
    count = sum(p.numel() for p in generator.parameters())
    assert f"{(count - 64 - 512) / 1e6:.3f}" == "54.414"


def test_norms_skip_the_first_and_innermost_encoder_layers_and_the_output():
    generator = UNetGenerator(1, 1, 32, width=4)
    normed = [any(isinstance(m, nn.BatchNorm2d) for m in layer.modules())
              for layer in [*generator.down, *generator.up]]
    assert normed == [False, True, True, True, False] + [True] * 4 + [False]
    assert not any(isinstance(m, nn.ReLU) for m in generator.down.modules())
    assert not any(isinstance(m, nn.LeakyReLU) for m in generator.up.modules())
    assert isinstance(generator.up[-1][-1], nn.Tanh)


@pytest.mark.parametrize("norm", ["batch", "instance", "none"])
def test_a_single_image_trains_with_every_norm(norm):
    generator = UNetGenerator(1, 1, 28, width=4, norm=norm)
    generator(None, source(1, 1, 28, 28)).sum().backward()
    assert all(p.grad is not None for p in generator.parameters())


def test_dropout_is_the_noise_in_training_and_off_in_evaluation():
    generator = UNetGenerator(1, 1, 32, width=4)
    x = source(2, 1, 32, 32)
    assert not torch.equal(generator(None, x), generator(None, x))
    generator.eval()
    assert torch.equal(generator(None, x), generator(None, x))
    quiet = UNetGenerator(1, 1, 32, width=4, dropout=0.0)
    assert not any(isinstance(m, nn.Dropout) for m in quiet.modules())
    assert torch.equal(quiet(None, x), quiet(None, x))


def test_z_is_ignored():
    generator = UNetGenerator(1, 1, 16, width=4).eval()
    x = source(2, 1, 16, 16)
    assert torch.equal(generator(torch.randn(2, 8), x), generator(torch.empty(2, 0), x))


def test_parameter_count_grows_with_depth_and_width(monkeypatch):
    monkeypatch.setattr(unet, "dcgan_init", lambda module: None)

    def count(**options):
        return sum(p.numel() for p in UNetGenerator(3, 3, **options).parameters())
    assert count(image_size=32, width=8) < count(image_size=64, width=8)
    assert count(image_size=32, width=8) < count(image_size=32, width=16)
    assert 16e6 < count(image_size=32) < 17e6  # width 64, five levels


def test_mistakes_are_explained():
    with pytest.raises(GankitError, match="norm"):
        UNetGenerator(1, 1, 32, norm="group")
    with pytest.raises(GankitError, match="depth"):
        UNetGenerator(1, 1, 32, depth=1)
    with pytest.raises(ValueError, match="N×3×H×W"):
        UNetGenerator(3, 3, 32, width=4)(None, source(1, 1, 32, 32))
