"""What the image-to-image nets share: checking a condition image, and reflect-padding an image
to a multiple of a size and cropping it back."""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor

from gankit.core.errors import GankitError

NORMS = ("batch", "instance", "layer", "none")


def check_norm(norm: str) -> None:
    if norm not in NORMS:
        raise GankitError(f"norm must be one of {', '.join(NORMS)}; got {norm!r}")


def require_condition(condition: Tensor | None, channels: int) -> Tensor:
    """The source image of a conditional net: N×channels×H×W."""
    if condition is None:
        raise ValueError("this net is conditioned on a source image: pass it as `condition`")
    if condition.dim() != 4 or condition.shape[1] != channels:
        raise ValueError(f"the condition must be N×{channels}×H×W, got {tuple(condition.shape)}")
    return condition


def pad_to_multiple(x: Tensor, multiple: int) -> tuple[Tensor, tuple[int, int, int, int]]:
    """x padded on all four sides (as evenly as possible) to the next multiple of `multiple` in
    height and width, and the padding (left, right, top, bottom) for `crop`.

    Reflect padding, which invents no edge or constant border; an image too small to reflect that
    far (a side under half the multiple) is padded by replicating its border instead.
    """
    height, width = x.shape[-2:]
    pad_h, pad_w = -height % multiple, -width % multiple
    padding = (pad_w // 2, pad_w - pad_w // 2, pad_h // 2, pad_h - pad_h // 2)
    if not any(padding):
        return x, padding
    reflect = max(padding[:2]) < width and max(padding[2:]) < height
    return F.pad(x, padding, mode="reflect" if reflect else "replicate"), padding


def crop(x: Tensor, padding: tuple[int, int, int, int]) -> Tensor:
    """x without the padding `pad_to_multiple` added."""
    left, right, top, bottom = padding
    return x[..., top:x.shape[-2] - bottom, left:x.shape[-1] - right]
