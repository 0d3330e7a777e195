"""Tile a batch of images into one picture."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from gankit.core.io import atomic_path


def image_grid(images: np.ndarray, columns: int | None = None, padding: int = 2) -> np.ndarray:
    """uint8 N×H×W×C → one uint8 picture, rows of `columns` tiles (square by default)."""
    n, h, w, c = images.shape
    columns = columns or max(1, math.ceil(math.sqrt(n)))
    rows = math.ceil(n / columns)
    canvas = np.zeros((rows * (h + padding) + padding, columns * (w + padding) + padding, c),
                      dtype=np.uint8)
    for i, image in enumerate(images):
        top = padding + (i // columns) * (h + padding)
        left = padding + (i % columns) * (w + padding)
        canvas[top : top + h, left : left + w] = image
    return canvas


def with_row_names(grid: np.ndarray, names: list[str], tile: int, padding: int = 2,
                   width: int = 90) -> np.ndarray:
    """`grid` with a white margin on its left naming each row (rows of `tile` pixels)."""
    margin = Image.new("L", (width, grid.shape[0]), 255)
    draw, font = ImageDraw.Draw(margin), ImageFont.load_default()
    for row, name in enumerate(names):
        draw.text((2, padding + row * (tile + padding) + tile // 2 - 5), name, fill=0, font=font)
    left = np.asarray(margin)[..., None].repeat(grid.shape[2], axis=2)
    return np.concatenate([left, grid], axis=1)


def save_png(picture: np.ndarray, path: Path | str, scale: int = 1) -> None:
    """Save an H×W×C uint8 array (C = 1 or 3) as PNG, optionally enlarged by an integer factor."""
    image = Image.fromarray(picture[..., 0] if picture.shape[-1] == 1 else picture)
    if scale > 1:
        image = image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)
    with atomic_path(path) as tmp:
        image.save(tmp, format="PNG")
