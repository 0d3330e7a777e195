"""CycleGAN's residual generator (Zhu et al. 2017, appendix 7.2; the layout of Johnson et al.
2016): c7s1-k, d2k, d4k, R4k × blocks, u2k, uk, c7s1-out with k = `width` (the paper: 64, and 6
blocks for 128×128 images, 9 for 256×256).

c7s1-k is a 7×7 stride-1 convolution (reflection padding 3) with a norm and ReLU; dk a 3×3
stride-2 convolution with a norm and ReLU; Rk a residual block of two reflection-padded 3×3
convolutions with k filters (a norm after each, ReLU between), added to its input; uk a 3×3
stride-½ (transposed) convolution with a norm and ReLU. The last c7s1 has no norm and ends in
tanh. Any input size works: it is reflect-padded to a multiple of 4 (the two stride-2 layers) and
the output cropped back.

z is ignored: CycleGAN's generators are deterministic maps from one domain to the other.
"""

from __future__ import annotations

from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.nets.image2image.images import check_norm, crop, pad_to_multiple, require_condition
from gankit.nets.layers import dcgan_init, norm_2d

DOWNSAMPLINGS = 2  # d2k, d4k
SMALLEST = 8  # a smaller input leaves the residual blocks' reflection padding nothing to reflect


class ResidualBlock(nn.Module):
    """Rk: x + conv(relu(norm(conv(x)))) followed by a norm, reflection-padded 3×3 convolutions."""

    def __init__(self, channels: int, norm: str) -> None:
        super().__init__()
        bias = norm in ("instance", "none")  # a batch or layer norm's shift makes a bias redundant
        self.body = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(channels, channels, 3, bias=bias),
            *norm_2d(norm, channels), nn.ReLU(),
            nn.ReflectionPad2d(1), nn.Conv2d(channels, channels, 3, bias=bias),
            *norm_2d(norm, channels))

    def forward(self, x: Tensor) -> Tensor:
        return x + self.body(x)


class ResnetGenerator(nn.Module):
    """G(z, condition): a source image N×in_channels×H×W in [-1, 1] → N×out_channels×H×W in
    [-1, 1], for any H and W; z is ignored."""

    def __init__(self, in_channels: int, out_channels: int, blocks: int = 6, width: int = 64,
                 norm: str = "instance") -> None:
        super().__init__()
        check_norm(norm)
        if blocks < 1 or width < 1:
            raise GankitError(f"a residual generator needs blocks and width of at least 1, got "
                              f"blocks={blocks}, width={width}")
        self.in_channels, self.out_channels = in_channels, out_channels
        bias = norm in ("instance", "none")
        layers: list[nn.Module] = [
            nn.ReflectionPad2d(3), nn.Conv2d(in_channels, width, 7, bias=bias),
            *norm_2d(norm, width), nn.ReLU()]
        for i in range(DOWNSAMPLINGS):
            c_in = width * 2**i
            layers += [nn.Conv2d(c_in, 2 * c_in, 3, 2, 1, bias=bias), *norm_2d(norm, 2 * c_in),
                       nn.ReLU()]
        inner = width * 2**DOWNSAMPLINGS
        layers += [ResidualBlock(inner, norm) for _ in range(blocks)]
        for i in reversed(range(DOWNSAMPLINGS)):
            c_out = width * 2**i
            layers += [nn.ConvTranspose2d(2 * c_out, c_out, 3, 2, 1, output_padding=1, bias=bias),
                       *norm_2d(norm, c_out), nn.ReLU()]
        layers += [nn.ReflectionPad2d(3), nn.Conv2d(width, out_channels, 7), nn.Tanh()]
        self.body = nn.Sequential(*layers)
        self.apply(dcgan_init)  # the authors' init: N(0, 0.02) weights

    @property
    def multiple(self) -> int:
        """Inputs are padded to a multiple of this (2 per stride-2 layer) and cropped back."""
        return 2**DOWNSAMPLINGS

    def forward(self, z: Tensor | None, condition: Tensor) -> Tensor:
        source = require_condition(condition, self.in_channels)
        if min(source.shape[-2:]) < SMALLEST:
            raise GankitError(f"the residual generator needs images of at least {SMALLEST}x"
                              f"{SMALLEST} pixels, got {tuple(source.shape[-2:])}")
        x, padding = pad_to_multiple(source, self.multiple)
        return crop(self.body(x), padding)
