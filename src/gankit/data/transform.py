"""Tensor helpers shared by the image loaders: keep the first N, crop square, resize."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor

RESIZE_CHUNK = 2048  # images per interpolate call, so a big resize never holds N float copies


def take_first(
    images: Tensor, labels: Tensor | None, limit: int | None
) -> tuple[Tensor, Tensor | None]:
    """The first `limit` items (all when limit is None), copied so the rest can be freed."""
    if limit is None or limit >= len(images):
        return images, labels
    kept_labels = None if labels is None else labels[:limit].clone()
    return images[:limit].clone(), kept_labels


def center_crop_square(images: Tensor) -> Tensor:
    """Crop N×C×H×W to its central S×S square, S = min(H, W)."""
    height, width = images.shape[-2:]
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    return images[..., top : top + side, left : left + side]


def resize_square(images: Tensor, size: int) -> Tensor:
    """Resize uint8 N×C×H×W to N×C×size×size (antialiased bilinear); no-op when already there."""
    return resize(images, (size, size))


def resize(images: Tensor, size: tuple[int, int]) -> Tensor:
    """Resize uint8 N×C×H×W to N×C×height×width (antialiased bilinear); no-op when already
    there."""
    if tuple(images.shape[-2:]) == size:
        return images
    out = torch.empty((*images.shape[:2], *size), dtype=torch.uint8)
    # Antialiasing only changes downscaling; enlarging without it gives the same result, faster.
    antialias = size[0] < images.shape[-2] or size[1] < images.shape[-1]
    for start in range(0, len(images), RESIZE_CHUNK):
        chunk = images[start : start + RESIZE_CHUNK].float()
        resized = F.interpolate(
            chunk, size=size, mode="bilinear", antialias=antialias, align_corners=False
        )
        out[start : start + RESIZE_CHUNK] = resized.round_().clamp_(0, 255).to(torch.uint8)
    return out
