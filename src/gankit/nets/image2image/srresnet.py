"""SRGAN's generator, SRResNet (Ledig et al. 2017, figure 4).

conv 9×9 (64) + PReLU; B residual blocks, each conv 3×3 - BN - PReLU - conv 3×3 - BN plus its
input; conv 3×3 - BN plus the first layer's output (the long skip); log2(scale) sub-pixel
upsampling steps, each conv 3×3 to 4×64 channels, PixelShuffle(2) and PReLU; conv 9×9 to the
output channels. A tanh keeps the output in gankit's [-1, 1] (the paper scales its
high-resolution images to [-1, 1] too). Fully convolutional: an H×W source gives a
(scale·H)×(scale·W) output. Convolutions followed by batch norm have no bias; PReLUs have one
slope each, as PyTorch's default. Weights keep PyTorch's default initialisation.
"""

from __future__ import annotations

from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.nets.image2image.images import require_condition

SCALES = (2, 4, 8)


class SRResNetGenerator(nn.Module):
    """G(z, condition): the low-resolution source N×in_channels×H×W in [-1, 1] → N×out_channels×
    (scale·H)×(scale·W) in [-1, 1]; z is ignored (pass None or an empty tensor)."""

    def __init__(self, in_channels: int, out_channels: int, scale: int = 4, blocks: int = 16,
                 width: int = 64) -> None:
        super().__init__()
        if scale not in SCALES:
            raise GankitError(f"scale must be one of {SCALES}, got {scale}")
        if blocks < 0:
            raise GankitError(f"blocks must be 0 or more, got {blocks}")
        self.in_channels = in_channels
        self.scale = scale
        self.head = nn.Sequential(nn.Conv2d(in_channels, width, 9, 1, 4), nn.PReLU())
        self.blocks = nn.Sequential(*(ResidualBlock(width) for _ in range(blocks)))
        self.trunk_end = nn.Sequential(nn.Conv2d(width, width, 3, 1, 1, bias=False),
                                       nn.BatchNorm2d(width))
        self.upsample = nn.Sequential(*(
            nn.Sequential(nn.Conv2d(width, 4 * width, 3, 1, 1), nn.PixelShuffle(2), nn.PReLU())
            for _ in range(scale.bit_length() - 1)))
        self.out = nn.Sequential(nn.Conv2d(width, out_channels, 9, 1, 4), nn.Tanh())

    def forward(self, z: Tensor | None, condition: Tensor) -> Tensor:
        features = self.head(require_condition(condition, self.in_channels))
        x = features + self.trunk_end(self.blocks(features))
        return self.out(self.upsample(x))


class ResidualBlock(nn.Module):
    """x + BN(conv(PReLU(BN(conv(x))))), 3×3 convolutions keeping the channels."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(width, width, 3, 1, 1, bias=False), nn.BatchNorm2d(width), nn.PReLU(),
            nn.Conv2d(width, width, 3, 1, 1, bias=False), nn.BatchNorm2d(width))

    def forward(self, x: Tensor) -> Tensor:
        return x + self.body(x)
