"""Images (and optional labels) from a numpy `.npz` archive.

Key `images`: N×H×W, N×H×W×C or N×C×H×W with C in {1, 3}. A 4-D array is read as channels-last
when its last axis is 1 or 3, otherwise as channels-first. Values:
- unsigned or signed integers must lie in 0..255 and are kept as they are;
- floats with every value in [0, 1] are scaled by 255; otherwise, with every value in [-1, 1],
  they are mapped by (x + 1) · 127.5; anything else is an error. So a [-1, 1] array that
  happens to hold no negative value is read as [0, 1].
Key `labels` (optional): N integers, kept as int64.
"""

from __future__ import annotations

import lzma
import zipfile
import zlib
from pathlib import Path

import numpy as np
import torch
from numpy.lib.npyio import NpzFile

from gankit.core.errors import GankitError
from gankit.core.paths import is_file
from gankit.data.base import InMemoryImages
from gankit.data.checks import check_image_options, require_argument
from gankit.data.options import NpzOptions
from gankit.data.transform import center_crop_square, resize_square

CHANNELS = (1, 3)
# Beyond OSError, a damaged or foreign zip meets zipfile's NotImplementedError (a compression
# method or zip version it lacks), RuntimeError (encrypted) and the decompressors' own errors.
ARCHIVE_ERRORS = (OSError, ValueError, EOFError, zipfile.BadZipFile, NotImplementedError,
                  RuntimeError, zlib.error, lzma.LZMAError)


def read_arrays(path: Path) -> tuple[np.ndarray, np.ndarray | None]:
    """The `images` and (if present) `labels` arrays of the archive at `path`."""
    with open_archive(path) as archive:
        if "images" not in archive.files:
            keys = ", ".join(archive.files) or "none"
            raise GankitError(f"{path} has no 'images' array (keys: {keys})")
        labels = read_member(archive, "labels", path) if "labels" in archive.files else None
        return read_member(archive, "images", path), labels


def open_archive(path: Path) -> NpzFile:
    if not is_file(path):
        raise GankitError(f"npz file {path} does not exist")
    try:
        loaded = np.load(path, allow_pickle=False)
    except ARCHIVE_ERRORS as error:
        raise GankitError(f"cannot read {path} as an .npz archive: {error}") from None
    if not isinstance(loaded, NpzFile):
        raise GankitError(f"{path} is a single .npy array, not an .npz archive")
    return loaded


def read_member(archive: NpzFile, key: str, path: Path) -> np.ndarray:
    try:
        return archive[key]
    except ARCHIVE_ERRORS as error:
        raise GankitError(f"cannot read array {key!r} of {path}: {error}") from None


def to_nchw(images: np.ndarray, path: Path) -> np.ndarray:
    """Reorder N×H×W, N×H×W×C or N×C×H×W (C in 1, 3) to N×C×H×W."""
    if images.ndim == 3:
        return images[:, None]
    if images.ndim == 4 and images.shape[3] in CHANNELS:
        return images.transpose(0, 3, 1, 2)
    if images.ndim == 4 and images.shape[1] in CHANNELS:
        return images
    raise GankitError(
        f"{path}: 'images' has shape {images.shape}; expected N×H×W, N×H×W×C or N×C×H×W "
        "with C = 1 or 3"
    )


def to_uint8(images: np.ndarray, path: Path) -> np.ndarray:
    """Apply the value rule of the module docstring."""
    if images.dtype == np.uint8:
        return images
    if images.dtype.kind not in "iuf":
        raise GankitError(f"{path}: 'images' has dtype {images.dtype}; expected uint8, integers "
                          "in 0..255, or floats in [0, 1] or [-1, 1]")
    low, high = (images.min(), images.max()) if images.size else (0, 0)
    if images.dtype.kind in "iu" and 0 <= low and high <= 255:
        return images.astype(np.uint8)
    if images.dtype.kind == "f" and np.isfinite(images).all():
        if 0 <= low and high <= 1:
            return np.round(images * 255.0).astype(np.uint8)
        if -1 <= low and high <= 1:
            return np.round((images + 1.0) * 127.5).astype(np.uint8)
    raise GankitError(
        f"{path}: 'images' of dtype {images.dtype} with values in [{low}, {high}]; expected "
        "uint8, integers in 0..255, or floats in [0, 1] or [-1, 1]"
    )


def labels_tensor(labels: np.ndarray | None, count: int, path: Path) -> torch.Tensor | None:
    if labels is None:
        return None
    if labels.ndim != 1 or len(labels) != count or labels.dtype.kind not in "iub":
        raise GankitError(f"{path}: 'labels' must be {count} integers, one per image")
    return torch.from_numpy(labels.astype(np.int64))


def load_npz(path: Path, options: NpzOptions) -> InMemoryImages:
    images, labels = read_arrays(path)
    images = to_nchw(images, path)
    if images.size == 0:
        raise GankitError(f"{path}: 'images' is empty (shape {images.shape})")
    label_tensor = labels_tensor(labels, len(images), path)
    if label_tensor is not None:
        label_tensor = label_tensor[: options.limit]
    # Cut to `limit` before converting, so a quick run never converts the whole array.
    pixels = torch.from_numpy(np.ascontiguousarray(to_uint8(images[: options.limit], path)))
    if options.image_size is not None:
        pixels = resize_square(center_crop_square(pixels), options.image_size)
    return InMemoryImages(pixels.contiguous(), label_tensor)


class NpzLoader:
    Options = NpzOptions

    @staticmethod
    def load(options: NpzOptions, argument: str | None) -> InMemoryImages:
        path = Path(require_argument("npz", argument)).expanduser()
        check_image_options(options)
        return load_npz(path, options)
