"""Samples as pictures and arrays: image grids, scatter plots over a mixture's modes, uint8 HWC."""

from __future__ import annotations

import numpy as np
import torch
from torch import Tensor

from gankit.viz.grid import image_grid
from gankit.viz.scatter import scatter_plot


def to_uint8(images: Tensor) -> Tensor:
    """float [-1, 1] → uint8 [0, 255] (clamped)."""
    return ((images.detach().float().clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)


def images_hwc(samples: Tensor) -> np.ndarray:
    """float N×C×H×W in [-1, 1] → uint8 N×H×W×C."""
    return to_uint8(samples).permute(0, 2, 3, 1).numpy()


def sample_arrays(samples: Tensor) -> np.ndarray:
    """A generator's samples as arrays for the metrics: float32 N×2 points, int64 N×L token
    sequences or uint8 N×H×W×C images."""
    return samples.numpy() if samples.dim() == 2 else images_hwc(samples)


def picture(samples: Tensor, reference: Tensor | None = None,
            columns: int | None = None) -> np.ndarray:
    """A grid for images (`columns` wide, square by default), a scatter plot (over optional
    reference points) for 2D points."""
    if samples.dim() == 2 and samples.shape[1] == 2:
        ref = None if reference is None else reference.numpy()
        return scatter_plot(samples.numpy(), ref)
    return image_grid(images_hwc(samples), columns=columns)
