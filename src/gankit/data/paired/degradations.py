"""The named degradations that turn an image into the source of an image-to-image pair.

Each maps uint8 images N×C×H×W to uint8 sources, once, at load:
- `edges`: Canny's edge map (scikit-image), 1 channel, 255 on an edge and 0 elsewhere;
- `downsample:F`: the image shrunk F times (antialiased bilinear, as the loaders resize);
- `mask:center|boxes|strokes`: the image with a hole, plus the hole as an extra channel (255 in
  the hole, 0 outside); the hole's pixels become exactly 0 (mid-grey) when the source is scaled
  to [-1, 1] (`source.to_source_range`).
Random masks (masks.py) are drawn from (seed, item index), never from the training stream, so
item i has the same pair on every run and machine.
"""

from __future__ import annotations

from importlib.metadata import version

import numpy as np
import torch
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.data.paired.cached import cached_sources
from gankit.data.paired.masks import box_holes, center_holes, stroke_holes
from gankit.data.paired.options import PairOptions
from gankit.data.transform import resize

# Canny's sigma per pixel of image side: 1.0 at 28×28, picked by eye on Fashion-MNIST (0.5-0.75
# trace fabric texture; 1.0 gives closed outlines plus prints, stripes and straps; from 1.5 on
# outlines break and interior lines vanish).
EDGE_SIGMA_PER_PIXEL = 1.0 / 28
HOLE_FILL = 128  # uint8 stand-in for mid-grey; scaled to exactly 0 with the mask channel


def degrade(images: Tensor, options: PairOptions) -> Tensor:
    """The sources of `images` (uint8 N×C×H×W) under `options.pairs`, item i seeded by i."""
    name = options.pairs
    count, height, width = len(images), *images.shape[-2:]
    if name == "edges":
        settings = f"sigma={options.edge_sigma}|scikit-image={version('scikit-image')}"
        return cached_sources("edges", images, settings,
                              lambda: edges(images, options.edge_sigma))
    if name is not None and name.startswith("downsample:"):
        return downsample(images, int(name.partition(":")[2]))
    if name == "mask:center":
        return with_holes(images, center_holes(count, height, width, options.hole))
    if name == "mask:boxes":
        return with_holes(images, box_holes(count, height, width, options.mask_seed,
                                            options.hole))
    if name == "mask:strokes":
        return with_holes(images, stroke_holes(count, height, width, options.mask_seed))
    raise ValueError(f"no degradation {name!r}")  # PairOptions checked the name


def edges(images: Tensor, sigma: float | None = None) -> Tensor:
    """uint8 N×1×H×W, 255 where `skimage.feature.canny` finds an edge of the grayscale image.
    `sigma` defaults to EDGE_SIGMA_PER_PIXEL times the image side, so an image resized larger
    gets the same edges."""
    from skimage.feature import canny  # slow import, only needed here

    gray = grayscale(images)
    sigma = edge_sigma(*gray.shape[1:]) if sigma is None else sigma
    found = np.stack([canny(image, sigma=sigma) for image in gray]) if len(gray) else gray > 0
    return torch.from_numpy(found.astype(np.uint8) * 255).unsqueeze(1)


def edge_sigma(height: int, width: int) -> float:
    return EDGE_SIGMA_PER_PIXEL * min(height, width)


def grayscale(images: Tensor) -> np.ndarray:
    """float64 N×H×W in [0, 1]: the one channel, or scikit-image's luminance of RGB."""
    pixels = images.numpy().astype(np.float64) / 255.0
    if pixels.shape[1] == 1:
        return pixels[:, 0]
    from skimage.color import rgb2gray

    return np.asarray(rgb2gray(pixels.transpose(0, 2, 3, 1)))


def downsample(images: Tensor, factor: int) -> Tensor:
    """uint8 N×C×(H/factor)×(W/factor), antialiased; the side must divide by `factor` so that
    upsampling by `factor` gives the target's size back."""
    height, width = images.shape[-2:]
    if height % factor or width % factor:
        raise GankitError(f"data_options.pairs=downsample:{factor} needs image sides divisible "
                          f"by {factor}, got {height}×{width}")
    return resize(images, (height // factor, width // factor))


def with_holes(images: Tensor, holes: Tensor) -> Tensor:
    """uint8 N×(C+1)×H×W: `images` with the `holes` (bool N×1×H×W) filled, then the holes."""
    filled = images.masked_fill(holes, HOLE_FILL)
    return torch.cat([filled, holes.to(torch.uint8) * 255], dim=1)
