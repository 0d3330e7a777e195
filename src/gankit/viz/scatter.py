"""A 2D scatter plot drawn with Pillow: samples as coloured dots, reference points (e.g. the mode
centres) as grey rings drawn on top so they stay visible, on a square canvas with axes."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

BACKGROUND = (255, 255, 255)
AXES = (210, 210, 210)
REFERENCE = (150, 150, 150)
SAMPLES = (31, 119, 180)


def scatter_plot(points: np.ndarray, reference: np.ndarray | None = None,
                 size: int = 512, limit: float | None = None) -> np.ndarray:
    """Draw N×2 `points` (and optional `reference` points) → uint8 size×size×3 picture."""
    everything = points if reference is None else np.concatenate([points, reference])
    finite = everything[np.isfinite(everything).all(axis=1)]
    limit = limit or _auto_limit(finite)
    image = Image.new("RGB", (size, size), BACKGROUND)
    draw = ImageDraw.Draw(image)
    middle = size / 2
    draw.line([(0, middle), (size, middle)], fill=AXES)
    draw.line([(middle, 0), (middle, size)], fill=AXES)
    _dots(draw, points, limit, size, SAMPLES, radius=1)
    if reference is not None:
        _dots(draw, reference, limit, size, REFERENCE, radius=5, filled=False)
    return np.asarray(image)


def _auto_limit(points: np.ndarray) -> float:
    if len(points) == 0:
        return 1.0
    return float(np.abs(points).max()) * 1.15 or 1.0


def _dots(draw: ImageDraw.ImageDraw, points: np.ndarray, limit: float, size: int,
          colour: tuple[int, int, int], radius: int, filled: bool = True) -> None:
    scale = size / (2 * limit)
    for x, y in points:
        if not (np.isfinite(x) and np.isfinite(y)):
            continue
        px, py = size / 2 + x * scale, size / 2 - y * scale
        box = [px - radius, py - radius, px + radius, py + radius]
        draw.ellipse(box, fill=colour if filled else None, outline=None if filled else colour)
