"""pix2pix's PatchGAN critic (Isola et al. 2017, section 3.2.2 and appendix 6.1.2).

A stack of 4×4 convolutions, C64-C128-C256-C512: `layers` of them with stride 2, then one with
stride 1, then a stride-1 convolution to one channel, each but the last followed by LeakyReLU 0.2
and each but the first and last by the norm. Every output logit judges one patch of the input,
its receptive field, of side RF(layers) = 9·2**layers − 2: 7, 16, 34, 70, 142, 286 for 0 … 5
stride-2 layers (pix2pix's 16×16, 70×70 and 286×286 "ImageGAN" critics are layers 1, 3 and 5).

The receptive field when `patch` is None: the largest RF(layers) at most half the image's shorter
side rounded up to a power of two (`patch_layers`): 16 at 28, 32 and 64 pixels, 34 at 128, and
pix2pix's 70 at 256. pix2pix found 16×16 patches about as good as 70×70 ones on 256×256 images;
16 pixels is half a 32-pixel image, enough for a critic to judge strokes and textures and still
local enough to score many patches per image (12×12 = 144 at 28 px, 14×14 at 32, 30×30 at 64).

Conditional critics (`condition_channels` > 0) see the source and the image stacked as channels,
[condition, x] as pix2pix; a source of another size (super-resolution) is first resized to the
image's size by nearest-neighbour interpolation, which repeats the source's pixels exactly
(no overshoot past [-1, 1], no invented smoothness) and leaves any interpolation to the critic.
`condition_channels` = 0 gives an unconditional critic that ignores `condition` (SRGAN's critic
judges the output alone).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.core.step import CriticOutput
from gankit.nets.image2image.images import check_norm, require_condition
from gankit.nets.layers import LEAK, add_spectral_norm, dcgan_init, norm_2d

WIDEST = 8  # channels stop doubling at width × 8 (C512 for width 64)
MOST_LAYERS = 6


def receptive_field(layers: int) -> int:
    """The side of the input patch one logit sees with `layers` stride-2 convolutions."""
    return 9 * 2**layers - 2


def patch_layers(image_size: int | Sequence[int]) -> int:
    """The stride-2 layers for an image: the most whose receptive field is at most half the
    shorter side rounded up to a power of two (0 when even 7 pixels is more)."""
    side = min(image_size) if isinstance(image_size, Sequence) else image_size
    if side < 1:
        raise GankitError(f"image_size must be positive, got {image_size}")
    half = 2 ** math.ceil(math.log2(side)) // 2
    return max([n for n in range(MOST_LAYERS + 1) if receptive_field(n) <= half], default=0)


def layers_for_patch(patch: int) -> int:
    choices = {receptive_field(n): n for n in range(MOST_LAYERS + 1)}
    if patch not in choices:
        raise GankitError(f"patch (the receptive field in pixels) must be one of "
                          f"{', '.join(map(str, choices))}; got {patch}")
    return choices[patch]


class PatchCritic(nn.Module):
    """D(x, condition): x N×in_channels×H×W (H, W ≥ the receptive field) → `CriticOutput` whose
    score is the N×P patch logits, P = the map's height × width (`patch_grid`)."""

    def __init__(self, in_channels: int, condition_channels: int,
                 image_size: int | Sequence[int], patch: int | None = None, width: int = 64,
                 norm: str = "batch", spectral_norm: bool = False) -> None:
        super().__init__()
        check_norm(norm)
        if spectral_norm and norm == "batch":
            raise GankitError("spectral_norm cannot be combined with norm='batch' (batch "
                              "statistics undo the spectral bound); use 'instance', 'layer' or "
                              "'none'")
        self.in_channels = in_channels
        self.condition_channels = condition_channels
        self.layers = patch_layers(image_size) if patch is None else layers_for_patch(patch)
        widths = [width * min(2**i, WIDEST) for i in range(self.layers + 1)]
        blocks: list[nn.Module] = []
        for i, c_out in enumerate(widths):
            c_in = in_channels + condition_channels if i == 0 else widths[i - 1]
            norms = [] if i == 0 else norm_2d(norm, c_out)
            stride = 2 if i < self.layers else 1
            blocks += [nn.Conv2d(c_in, c_out, 4, stride, 1, bias=not norms), *norms,
                       nn.LeakyReLU(LEAK)]
        blocks.append(nn.Conv2d(widths[-1], 1, 4, 1, 1))
        self.body = nn.Sequential(*blocks)
        self.apply(dcgan_init)  # the authors' init: N(0, 0.02) weights, N(1, 0.02) BN scales
        if spectral_norm:
            add_spectral_norm(self)

    @property
    def receptive_field(self) -> int:
        """The side of the input patch that one logit sees, from the convolutions themselves."""
        side, jump = 1, 1
        for conv in (m for m in self.body if isinstance(m, nn.Conv2d)):
            side += (conv.kernel_size[0] - 1) * jump
            jump *= conv.stride[0]
        return side

    def patch_grid(self, height: int, width: int) -> tuple[int, int]:
        """The height and width of the logit map for an H×W image: P is their product."""
        for conv in (m for m in self.body if isinstance(m, nn.Conv2d)):
            k, s, p = conv.kernel_size[0], conv.stride[0], int(conv.padding[0])
            height, width = (height + 2 * p - k) // s + 1, (width + 2 * p - k) // s + 1
        return height, width

    def forward(self, x: Tensor, condition: Tensor | None = None) -> CriticOutput:
        if self.condition_channels:
            source = require_condition(condition, self.condition_channels)
            if source.shape[-2:] != x.shape[-2:]:
                source = F.interpolate(source, size=x.shape[-2:], mode="nearest")
            x = torch.cat([source, x], dim=1)
        return CriticOutput(self.body(x).flatten(1))
