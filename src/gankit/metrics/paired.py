"""Metrics of paired images: outputs against their targets (image-to-image GANs, issue 38).

Images are N×C×H×W (or N×H×W, one channel) arrays or tensors, either
- floats in gankit's range [-1, 1] (what generators give and data sources hand out), or
- uint8 in 0..255.
Every metric is computed on the pixels' 0..1 scale, (x + 1) / 2 or x / 255, data range 1: the
numbers equal the usual ones on uint8 images with data range 255, as papers report them. (PSNR
would be the same on [-1, 1] with data range 2, but SSIM would not: its luminance term
(2·μx·μy + C1) / (μx² + μy² + C1) changes when the pixels are shifted.) Sums are in float64.

- `psnr`, `ssim`: per image, by torchmetrics (`peak_signal_noise_ratio` over each image's
  pixels and channels; `structural_similarity_index_measure` with Wang et al. 2004's Gaussian
  window, σ = 1.5, 11×11, K1 = 0.01, K2 = 0.03, the image reflect-padded by 5 pixels so that
  every pixel has a window, channels averaged; images need at least 6×6 pixels). A perfect
  output has infinite PSNR.
- `hole_l1`, `hole_psnr`: inpainting's errors inside the hole only, per image. `mask` is N×H×W,
  N×1×H×W or N×C×H×W, true (or non-zero) on the hole's pixels; every image needs a non-empty
  hole. L1 is the mean |output − target| over the hole's pixels and channels on the 0..1 scale
  (double it for the [-1, 1] scale of pix2pix's L1 loss).
- `sharpness`: the mean gradient magnitude of the outputs over that of the targets, on the whole
  set (1.0 when outputs are the targets; under 1 for blurred outputs, over 1 for noisy ones). The
  gradient is by forward finite differences, |∇x| = sqrt(dx² + dy²) with dx = x[i, j+1] − x[i, j]
  and dy = x[i+1, j] − x[i, j] on the (H−1)×(W−1) pixels that have both, averaged over pixels and
  channels (`gradient_magnitude`, per image, on the 0..1 scale). Finite differences, not Sobel:
  they respond most to the highest frequencies, which blur removes first.
- `paired_scores`: the means of all of them, for a report.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.metrics.images import describe

DATA_RANGE = 1.0  # the metrics' pixel scale, 0..1
TOLERANCE = 1e-3  # how far past [-1, 1] float images may stray (round-off of a tanh)
Images = np.ndarray | Tensor


def unit_images(images: Images) -> Tensor:
    """float64 N×C×H×W in [0, 1] from uint8 (0..255) or float ([-1, 1]) N×C×H×W or N×H×W;
    floats past [-1, 1] by round-off (up to 1e-3) are clipped, further ones refused."""
    x = images if isinstance(images, Tensor) else torch.as_tensor(np.asarray(images))
    x = x.detach().cpu()
    if x.dim() == 3:
        x = x.unsqueeze(1)
    if x.dim() != 4:
        raise GankitError(f"images must be N×C×H×W or N×H×W, got {describe(x)}")
    if x.dtype == torch.uint8:
        return x.double() / 255
    if not x.is_floating_point():
        raise GankitError(f"images must be uint8 in 0..255 or floats in [-1, 1], got {describe(x)}")
    x = x.double()
    if x.numel() and (x.min() < -1 - TOLERANCE or x.max() > 1 + TOLERANCE):
        raise GankitError(f"float images must lie in [-1, 1], got values in "
                          f"[{x.min():.3g}, {x.max():.3g}]")
    return ((x + 1) / 2).clamp(0, 1)


def pair(outputs: Images, targets: Images) -> tuple[Tensor, Tensor]:
    x, y = unit_images(outputs), unit_images(targets)
    if x.shape != y.shape or not len(x):
        raise GankitError(f"outputs and targets must be non-empty and of one shape, got "
                          f"{tuple(x.shape)} and {tuple(y.shape)}")
    return x, y


def psnr(outputs: Images, targets: Images) -> Tensor:
    """Per-image PSNR in dB, 10·log10(1 / MSE) on the 0..1 scale, shape (N,)."""
    from torchmetrics.functional.image import peak_signal_noise_ratio

    x, y = pair(outputs, targets)
    return peak_signal_noise_ratio(x, y, data_range=DATA_RANGE, reduction="none",
                                   dim=(1, 2, 3))


def ssim(outputs: Images, targets: Images) -> Tensor:
    """Per-image SSIM (Gaussian window, channels averaged), shape (N,)."""
    from torchmetrics.functional.image import structural_similarity_index_measure

    x, y = pair(outputs, targets)
    if min(x.shape[-2:]) < 6:
        raise GankitError(f"SSIM needs images of at least 6×6 pixels, got {tuple(x.shape)}")
    values = structural_similarity_index_measure(x, y, data_range=DATA_RANGE, reduction="none")
    assert isinstance(values, Tensor)  # a pair only when the full SSIM map is asked for
    return values


def hole(mask: Images, images: Tensor) -> Tensor:
    """The mask as float64 0/1 of the images' shape; a GankitError for an empty hole."""
    m = mask if isinstance(mask, Tensor) else torch.as_tensor(np.asarray(mask))
    m = m.detach().cpu()
    if m.dim() == 3:
        m = m.unsqueeze(1)
    n, channels, height, width = images.shape
    if m.dim() != 4 or tuple(m.shape) not in {(n, 1, height, width), tuple(images.shape)}:
        raise GankitError(f"mask must be N×H×W, N×1×H×W or N×C×H×W for images of shape "
                          f"{tuple(images.shape)}, got {tuple(m.shape)}")
    m = (m != 0).double().expand(n, channels, height, width)
    if (m.flatten(1).sum(1) == 0).any():
        raise GankitError("every image needs a hole: the mask is empty for some")
    return m


def hole_l1(outputs: Images, targets: Images, mask: Images) -> Tensor:
    """Per-image mean |output − target| over the hole's pixels and channels (0..1 scale)."""
    x, y = pair(outputs, targets)
    m = hole(mask, x)
    return ((x - y).abs() * m).flatten(1).sum(1) / m.flatten(1).sum(1)


def hole_psnr(outputs: Images, targets: Images, mask: Images) -> Tensor:
    """Per-image PSNR in dB over the hole's pixels and channels only."""
    x, y = pair(outputs, targets)
    m = hole(mask, x)
    mse = ((x - y) ** 2 * m).flatten(1).sum(1) / m.flatten(1).sum(1)
    return 10 * torch.log10(DATA_RANGE**2 / mse)


def gradient_magnitude(images: Images) -> Tensor:
    """Per-image mean sqrt(dx² + dy²) by forward differences, on the 0..1 scale, shape (N,)."""
    x = unit_images(images)
    if min(x.shape[-2:]) < 2:
        raise GankitError(f"gradients need images of at least 2×2 pixels, got {tuple(x.shape)}")
    dx = x[..., :-1, 1:] - x[..., :-1, :-1]
    dy = x[..., 1:, :-1] - x[..., :-1, :-1]
    return (dx**2 + dy**2).sqrt().flatten(1).mean(1)


def sharpness(outputs: Images, targets: Images) -> float:
    """The outputs' mean gradient magnitude over the targets' (1.0 for the targets themselves)."""
    x, y = pair(outputs, targets)
    reference = gradient_magnitude(y).mean()
    if reference == 0:
        raise GankitError("sharpness is relative to the targets' gradients, and every target is "
                          "flat")
    return float(gradient_magnitude(x).mean() / reference)


def paired_scores(outputs: Images, targets: Images, mask: Images | None = None) -> dict[str, float]:
    """Mean PSNR, SSIM and sharpness, and with a mask the hole's mean L1 and PSNR."""
    scores = {"psnr": float(psnr(outputs, targets).mean()),
              "ssim": float(ssim(outputs, targets).mean()),
              "sharpness": sharpness(outputs, targets)}
    if mask is not None:
        scores["hole_l1"] = float(hole_l1(outputs, targets, mask).mean())
        scores["hole_psnr"] = float(hole_psnr(outputs, targets, mask).mean())
    return scores
