"""Line charts drawn with Pillow: one panel per series (each on its own y range), step on x, the
range written at the panel's corners; for a run's metrics over training without TensorBoard."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from PIL import Image, ImageDraw

BACKGROUND = (255, 255, 255)
FRAME = (190, 190, 190)
LINE = (31, 119, 180)
TEXT = (40, 40, 40)
MARGIN = 8
LABEL_HEIGHT = 14


def line_panels(series: Mapping[str, Sequence[tuple[float, float]]], width: int = 640,
                panel_height: int = 160) -> np.ndarray:
    """One panel per name with its (x, y) points as a line → uint8 H×W×3 picture. Non-finite
    points are skipped; a panel with no finite point says so."""
    if not series:
        raise ValueError("no series to draw")
    height = len(series) * (panel_height + LABEL_HEIGHT + MARGIN) + MARGIN
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    top = MARGIN
    for name, points in series.items():
        _panel(draw, name, np.asarray(points, dtype=np.float64).reshape(-1, 2),
               (MARGIN, top, width - MARGIN, top + LABEL_HEIGHT + panel_height))
        top += LABEL_HEIGHT + panel_height + MARGIN
    return np.asarray(image)


def _panel(draw: ImageDraw.ImageDraw, name: str, points: np.ndarray,
           box: tuple[int, int, int, int]) -> None:
    left, top, right, bottom = box
    points = points[np.isfinite(points).all(axis=1)]
    if len(points) == 0:
        draw.text((left, top), f"{name}: no finite values", fill=TEXT)
        return
    (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
    draw.text((left, top), f"{name}   y {y0:.4g} .. {y1:.4g}   x {x0:.6g} .. {x1:.6g}", fill=TEXT)
    plot_top = top + LABEL_HEIGHT
    draw.rectangle([left, plot_top, right, bottom], outline=FRAME)
    xs = left + (points[:, 0] - x0) / ((x1 - x0) or 1.0) * (right - left)
    ys = bottom - (points[:, 1] - y0) / ((y1 - y0) or 1.0) * (bottom - plot_top)
    if len(points) == 1:
        draw.ellipse([xs[0] - 2, ys[0] - 2, xs[0] + 2, ys[0] + 2], fill=LINE)
    else:
        draw.line(list(zip(xs.tolist(), ys.tolist())), fill=LINE, width=1)
