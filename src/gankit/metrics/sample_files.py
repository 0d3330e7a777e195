"""Read generated samples from an .npz file, as `gankit sample` writes them or any other program
does: `images` (uint8 N×H×W×C or N×H×W), `points` (N×2) or `tokens` (integers N×L)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
from numpy.lib.npyio import NpzFile

from gankit.core.errors import GankitError

KEYS = ("images", "points", "tokens")


def read_samples(path: Path | str) -> np.ndarray:
    """The one sample array of the archive at `path`, checked for dtype and shape."""
    path = Path(path)
    if not path.is_file():
        raise GankitError(f"no such file: {path}")
    try:
        with open_archive(path) as archive:
            found = [key for key in KEYS if key in archive.files]
            if len(found) != 1:
                raise GankitError(missing_key_message(path, archive.files, found))
            samples = archive[found[0]]
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise GankitError(f"cannot read {path} as an .npz archive ({first_line(error)})") from None
    checks = {"points": check_points, "images": check_images, "tokens": check_tokens}
    return checks[found[0]](samples, path)


def open_archive(path: Path) -> NpzFile:
    loaded = np.load(path, allow_pickle=False)
    if not isinstance(loaded, NpzFile):
        raise GankitError(f"{path} is a single .npy array, not an .npz archive")
    return loaded


def missing_key_message(path: Path, files: list[str], found: list[str]) -> str:
    if found:
        both = "both " if len(found) == 2 else ""
        return f"{path} holds {both}{' and '.join(map(repr, found))}; keep only one"
    return (f"{path} has none of 'images', 'points' or 'tokens' "
            f"(keys: {', '.join(files) or 'none'})")


def check_points(points: np.ndarray, path: Path) -> np.ndarray:
    if points.ndim != 2 or points.shape[1] != 2 or not np.issubdtype(points.dtype, np.number):
        raise GankitError(f"{path}: 'points' must be a numeric N×2 array, got {describe(points)}")
    return points.astype(np.float64)


def check_images(images: np.ndarray, path: Path) -> np.ndarray:
    if images.dtype != np.uint8 or images.ndim not in (3, 4):
        raise GankitError(f"{path}: 'images' must be uint8 N×H×W×C or N×H×W, "
                          f"got {describe(images)}")
    return images


def check_tokens(tokens: np.ndarray, path: Path) -> np.ndarray:
    if tokens.ndim != 2 or tokens.dtype.kind not in "iu" or 0 in tokens.shape:
        raise GankitError(f"{path}: 'tokens' must be a non-empty integer N×L array, "
                          f"got {describe(tokens)}")
    return tokens.astype(np.int64)


def describe(array: np.ndarray) -> str:
    return f"{array.dtype} array of shape {'×'.join(map(str, array.shape)) or 'scalar'}"


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def read_labels(path: Path | str, count: int) -> np.ndarray | None:
    """The archive's `labels` (the classes the samples were drawn for), or None without them."""
    path = Path(path)
    try:
        with open_archive(path) as archive:
            if "labels" not in archive.files:
                return None
            labels = archive["labels"]
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise GankitError(f"cannot read {path} as an .npz archive ({first_line(error)})") from None
    if labels.shape != (count,) or labels.dtype.kind not in "iu":
        raise GankitError(f"{path}: 'labels' must be {count} integers, one per sample, "
                          f"got {describe(labels)}")
    return labels.astype(np.int64)
