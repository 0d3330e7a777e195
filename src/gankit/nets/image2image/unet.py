"""pix2pix's U-Net generator (Isola et al. 2017, section 3.2.1 and appendix 6.1.1).

An encoder of 4×4 stride-2 convolutions C64-C128-C256-C512-C512-… (LeakyReLU 0.2, no norm on
the first layer), a decoder of 4×4 stride-2 transposed convolutions (ReLU) that mirrors it, each
decoder layer's output concatenated with the encoder map of the same size (the skips), and a last
transposed convolution to the output channels with tanh. The layers are arranged as in the
authors' code: each encoder map is kept before its activation (conv, norm), the next encoder
layer starts with LeakyReLU and each decoder layer with ReLU; the innermost (bottleneck) layer
has no norm, so a 1×1 bottleneck works at any batch size and with instance norm.

Noise: z is ignored; dropout (p = `dropout`) on the first three decoder layers, as the paper
(CD512-CD1024-CD1024-C1024-…), is the only randomness, active in training mode. (The authors'
code drops out in decoder layers 2-4 from the bottleneck and only where they have 512 channels,
so its 32-pixel U-Net has none; the paper's rule keeps the noise at every depth.) A net with
fewer than four decoder layers drops out in all but its output layer.

Depth: `unet_depth(size)` = ceil(log2(size)), at least 2, so that the bottleneck is 1×1 after
padding to 2**depth (256 → 8 as the paper; 28 → 5 after padding to 32; 32 → 5; 64 → 6). Any input
size works: it is reflect-padded to a multiple of 2**depth and the output cropped back to the
input's height and width (a larger input just has a larger bottleneck).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.nets.image2image.images import (
    check_norm,
    crop,
    pad_to_multiple,
    require_condition,
)
from gankit.nets.layers import LEAK, dcgan_init, norm_2d

DROPOUT_LAYERS = 3  # the paper's CD512-CD1024-CD1024
WIDEST = 8  # channels stop doubling at width × 8 (C512 for width 64)


def unet_depth(image_size: int | Sequence[int]) -> int:
    """The number of down-sampling levels that take the image's longer side to a 1×1 bottleneck
    after padding it to the next power of two: ceil(log2(side)), at least 2."""
    side = max(image_size) if isinstance(image_size, Sequence) else image_size
    if side < 1:
        raise GankitError(f"image_size must be positive, got {image_size}")
    return max(2, math.ceil(math.log2(side)))


class UNetGenerator(nn.Module):
    """G(z, condition): the source image N×in_channels×H×W in [-1, 1] → N×out_channels×H×W in
    [-1, 1], for any H and W; z is ignored (pass None or an empty tensor)."""

    def __init__(self, in_channels: int, out_channels: int, image_size: int | Sequence[int],
                 width: int = 64, depth: int | None = None, dropout: float = 0.5,
                 norm: str = "batch") -> None:
        super().__init__()
        check_norm(norm)
        self.depth = unet_depth(image_size) if depth is None else depth
        if self.depth < 2:
            raise GankitError(f"a U-Net needs a depth of at least 2, got {self.depth}")
        if not 0 <= dropout < 1:
            raise GankitError(f"dropout must be in [0, 1), got {dropout}")
        self.in_channels = in_channels
        self.out_channels = out_channels
        widths = [width * min(2**i, WIDEST) for i in range(self.depth)]
        self.down = nn.ModuleList(
            _down(in_channels if i == 0 else widths[i - 1], widths[i],
                  norm if 0 < i < self.depth - 1 else "none", first=i == 0)
            for i in range(self.depth))
        # up[k] makes the map of encoder level depth - 2 - k (the output for the last one)
        dropping = min(DROPOUT_LAYERS, self.depth - 1) if dropout > 0 else 0
        self.up = nn.ModuleList(
            _up(widths[i] * (1 if i == self.depth - 1 else 2),
                widths[i - 1] if i > 0 else out_channels, norm if i > 0 else "none",
                dropout if self.depth - 1 - i < dropping else 0.0, last=i == 0)
            for i in reversed(range(self.depth)))
        self.apply(dcgan_init)  # the authors' init: N(0, 0.02) weights, N(1, 0.02) BN scales

    @property
    def multiple(self) -> int:
        """Inputs are padded to a multiple of this (2**depth) and cropped back."""
        return 2**self.depth

    def forward(self, z: Tensor | None, condition: Tensor) -> Tensor:
        x, padding = pad_to_multiple(require_condition(condition, self.in_channels),
                                     self.multiple)
        skips = []
        for down in self.down:
            x = down(x)
            skips.append(x)
        skips.pop()  # the bottleneck itself
        for up in self.up:
            x = up(x)
            if skips:
                x = torch.cat([skips.pop(), x], dim=1)
        return crop(x, padding)


def _down(c_in: int, c_out: int, norm: str, first: bool) -> nn.Sequential:
    act: list[nn.Module] = [] if first else [nn.LeakyReLU(LEAK)]
    norms = norm_2d(norm, c_out)
    return nn.Sequential(*act, nn.Conv2d(c_in, c_out, 4, 2, 1, bias=not norms), *norms)


def _up(c_in: int, c_out: int, norm: str, dropout: float, last: bool) -> nn.Sequential:
    norms = norm_2d(norm, c_out)
    layers = [nn.ReLU(), nn.ConvTranspose2d(c_in, c_out, 4, 2, 1, bias=not norms), *norms]
    if dropout:
        layers.append(nn.Dropout(dropout))
    if last:
        layers.append(nn.Tanh())
    return nn.Sequential(*layers)
