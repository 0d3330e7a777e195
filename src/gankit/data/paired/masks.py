"""Holes for inpainting pairs: bool N×1×H×W, True in the hole.

Random holes are functions of uniforms drawn from item i's own generator (seed, i), so item i's
hole is the same on every run and machine, whatever the data's size or the training stream; the
geometry is then computed for many items at once (numpy), since a per-item loop over 60,000
images would take most of a minute.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import Tensor

from gankit.core.errors import GankitError

MAX_BOXES, MAX_STROKES, MAX_VERTICES = 3, 3, 6
CHUNK = 64  # items whose distances are computed at once (fastest of 16..1024 at 28×28)


def check_hole(hole: int, height: int, width: int) -> None:
    if hole >= min(height, width):
        raise GankitError(f"data_options.hole={hole} must be smaller than the images "
                          f"({height}×{width})")


def center_holes(count: int, height: int, width: int, hole: int | None = None) -> Tensor:
    """A centred square hole, `hole` pixels wide (default half the side)."""
    hole = min(height, width) // 2 if hole is None else hole
    check_hole(hole, height, width)
    holes = torch.zeros((count, 1, height, width), dtype=torch.bool)
    top, left = (height - hole) // 2, (width - hole) // 2
    holes[..., top : top + hole, left : left + hole] = True
    return holes


def item_uniforms(seed: int, count: int, width: int) -> np.ndarray:
    """count×width uniforms in [0, 1); row i from item i's own generator (seed, i)."""
    rows = [np.random.default_rng([seed, i]).random(width) for i in range(count)]
    return np.stack(rows) if rows else np.zeros((0, width))


def pick(uniform: np.ndarray, low: int | np.ndarray, high: int | np.ndarray) -> np.ndarray:
    """Integers uniform in low..high (inclusive) from uniforms in [0, 1)."""
    return low + np.floor(uniform * (high - low + 1)).astype(np.int64)


def box_holes(count: int, height: int, width: int, seed: int,
              largest: int | None = None) -> Tensor:
    """1 to 3 rectangles per item, sides from an eighth of the image side to `largest` (default
    half the side)."""
    largest = min(height, width) // 2 if largest is None else largest
    check_hole(largest, height, width)
    smallest = min(max(1, min(height, width) // 8), largest)
    u = item_uniforms(seed, count, 1 + 4 * MAX_BOXES)
    boxes = pick(u[:, :1], 1, MAX_BOXES)
    sides = pick(u[:, 1 : 1 + 2 * MAX_BOXES].reshape(count, MAX_BOXES, 2), smallest, largest)
    corners = pick(u[:, 1 + 2 * MAX_BOXES :].reshape(count, MAX_BOXES, 2), 0,
                   np.array([height, width]) - sides)
    rows, cols = np.arange(height)[:, None], np.arange(width)[None, :]
    top, left = corners[..., 0, None, None], corners[..., 1, None, None]
    inside = ((rows >= top) & (rows < top + sides[..., 0, None, None])
              & (cols >= left) & (cols < left + sides[..., 1, None, None]))
    used = (np.arange(MAX_BOXES)[None, :] < boxes)[..., None, None]
    return torch.from_numpy((inside & used).any(axis=1)[:, None])


def stroke_holes(count: int, height: int, width: int, seed: int) -> Tensor:
    """1 to 3 brush strokes per item: random walks of 2 to 5 segments (steps of an eighth to a
    third of the side, in any direction, kept inside the image), a tenth to a fifth of the side
    wide."""
    side = min(height, width)
    per_stroke = 2 + 2 * MAX_VERTICES  # vertex count, radius, start (2), steps (2 each)
    u = item_uniforms(seed, count, 1 + MAX_STROKES * per_stroke)
    strokes = pick(u[:, 0], 1, MAX_STROKES)
    u = u[:, 1:].reshape(count, MAX_STROKES, per_stroke)
    radius = side / 20 + u[..., 1] * side / 20
    points = random_walks(u[..., 2:].reshape(count, MAX_STROKES, MAX_VERTICES, 2), height, width)
    used = used_segments(strokes, pick(u[..., 0], 3, MAX_VERTICES))
    grid = pixel_grid(height, width)
    holes = [near_segments(grid, points[i : i + CHUNK], radius[i : i + CHUNK],
                           used[i : i + CHUNK]) for i in range(0, count, CHUNK)]
    flat = np.concatenate(holes) if holes else np.zeros((0, height * width), dtype=bool)
    return torch.from_numpy(flat.reshape(count, 1, height, width))


def used_segments(strokes: np.ndarray, vertices: np.ndarray) -> np.ndarray:
    """bool N×S×(V-1): which of the drawn segments the item has (`strokes` per item, N;
    `vertices` per stroke, N×S); every item draws the most, so the uniforms line up."""
    segment, stroke = np.arange(MAX_VERTICES - 1), np.arange(MAX_STROKES)
    return ((segment[None, None] + 1 < vertices[..., None])
            & (stroke[None, :, None] < strokes[:, None, None]))


def pixel_grid(height: int, width: int) -> np.ndarray:
    """(H·W)×2 float (row, column) of every pixel, row-major."""
    rows, cols = np.meshgrid(np.arange(height), np.arange(width), indexing="ij")
    return np.stack([rows.ravel(), cols.ravel()], axis=-1).astype(np.float64)


def random_walks(u: np.ndarray, height: int, width: int) -> np.ndarray:
    """…×V×2 (row, column) points from …×V×2 uniforms: the first pair places the start, each
    next pair a step (direction, length)."""
    side, limit = min(height, width), np.array([height - 1, width - 1], dtype=np.float64)
    angle, length = 2 * math.pi * u[..., 1:, 0], side / 8 + u[..., 1:, 1] * (side / 3 - side / 8)
    steps = length[..., None] * np.stack([np.sin(angle), np.cos(angle)], axis=-1)
    points = [u[..., 0, :] * limit]
    for k in range(steps.shape[-2]):
        points.append(np.clip(points[-1] + steps[..., k, :], 0, limit))
    return np.stack(points, axis=-2)


def near_segments(grid: np.ndarray, points: np.ndarray, radius: np.ndarray,
                  used: np.ndarray) -> np.ndarray:
    """bool N×P: grid points (P×2) within `radius` (N×S) of a used (N×S×V-1) segment of a stroke
    through `points` (N×S×V×2). Rows and columns are kept apart (N×P×segments arrays, float32)
    as the 5-D array of both is twice as slow."""
    count = len(points)
    start = points[..., :-1, :].reshape(count, 1, -1, 2).astype(np.float32)
    direction = (points[..., 1:, :] - points[..., :-1, :]).reshape(count, 1, -1, 2)
    direction = direction.astype(np.float32)
    length2 = np.maximum((direction**2).sum(axis=-1), 1e-12)  # N×1×K
    along_y = grid[None, :, None, 0].astype(np.float32) - start[..., 0]  # N×P×K
    along_x = grid[None, :, None, 1].astype(np.float32) - start[..., 1]
    t = np.clip((along_y * direction[..., 0] + along_x * direction[..., 1]) / length2, 0, 1)
    along_y -= t * direction[..., 0]
    along_x -= t * direction[..., 1]
    reach = np.repeat(radius, used.shape[-1], axis=1).reshape(count, 1, -1) ** 2
    near = along_y * along_y + along_x * along_x <= reach.astype(np.float32)
    return (near & used.reshape(count, 1, -1)).any(axis=2)
