"""Turn what users hand the metrics (uint8 arrays, N×H×W×C or N×C×H×W) into uint8 N×C×H×W."""

from __future__ import annotations

import numpy as np
import torch

from gankit.core.errors import GankitError

CHANNELS = (1, 3)


def as_nchw_uint8(images: np.ndarray | torch.Tensor) -> torch.Tensor:
    """uint8 N×C×H×W tensor from uint8 N×H×W, N×H×W×C or N×C×H×W (C = 1 or 3).

    An array whose second axis is 1 or 3 is read as N×C×H×W, otherwise as N×H×W×C.
    """
    tensor = torch.as_tensor(np.asarray(images)) if not isinstance(images, torch.Tensor) else images
    if tensor.dtype != torch.uint8:
        raise GankitError(f"images must be uint8 in 0..255, got {describe(tensor)}")
    if tensor.dim() == 3:
        tensor = tensor.unsqueeze(1)
    if tensor.dim() != 4:
        raise GankitError(f"images must be N×H×W×C or N×C×H×W, got {describe(tensor)}")
    if tensor.shape[1] not in CHANNELS:
        if tensor.shape[-1] not in CHANNELS:
            raise GankitError(f"images need 1 or 3 channels, got {describe(tensor)}")
        tensor = tensor.permute(0, 3, 1, 2)
    return tensor.contiguous()


def describe(tensor: torch.Tensor) -> str:
    shape = "×".join(str(s) for s in tensor.shape)
    return f"{str(tensor.dtype).removeprefix('torch.')} array of shape {shape}"
