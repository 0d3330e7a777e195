"""Every image file under a folder (recursive), cropped square and resized; no labels."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from gankit.core.errors import GankitError, GankitWarning
from gankit.core.paths import is_dir
from gankit.data.base import InMemoryImages
from gankit.data.checks import check_image_options, require_argument
from gankit.data.options import FolderOptions

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"}
PIL_MODES = {1: "L", 3: "RGB"}


def image_files(root: Path) -> list[Path]:
    """Image files under `root`, sorted so the dataset order is reproducible."""
    if not is_dir(root):
        raise GankitError(f"image folder {root} does not exist or is not a folder")
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    files = [p for p in files if p.is_file()]
    if not files:
        suffixes = ", ".join(sorted(IMAGE_SUFFIXES))
        raise GankitError(f"image folder {root} holds no image files ({suffixes})")
    return files


def read_image(path: Path, size: int, channels: int) -> tuple[np.ndarray, tuple[int, int]]:
    """H×W or H×W×3 uint8 array: centre square crop, then resize to size×size; and the file's
    own (width, height), for callers that check images against each other."""
    with Image.open(path) as opened:
        image = opened.convert(PIL_MODES[channels])
        side = min(image.size)
        left, top = (image.width - side) // 2, (image.height - side) // 2
        square = image.crop((left, top, left + side, top + side))
        return np.asarray(square.resize((size, size), Image.Resampling.BICUBIC)), image.size


def readable_images(files: list[Path], size: int,
                    channels: int) -> Iterator[tuple[Path, np.ndarray, tuple[int, int]]]:
    """Decoded images (see read_image) with their paths and file sizes, skipping (and counting in
    a warning) files Pillow cannot read."""
    skipped = []
    for path in files:
        try:
            yield path, *read_image(path, size, channels)
        except (OSError, ValueError, Image.DecompressionBombError):
            skipped.append(path)
    if skipped:
        warnings.warn(f"skipped {len(skipped)} unreadable image file(s), e.g. {skipped[0]}",
                      GankitWarning, stacklevel=2)


def load_folder(root: Path, options: FolderOptions) -> InMemoryImages:
    paths, arrays = [], []
    files = image_files(root)
    for path, array, _ in readable_images(files, options.image_size, options.channels):
        paths.append(path)
        arrays.append(array)
        if options.limit is not None and len(arrays) >= options.limit:
            break
    if not arrays:
        raise GankitError(f"image folder {root} holds no image Pillow can read")
    return InMemoryImages(stack_images(arrays, options.channels), *folder_labels(root, paths))


def stack_images(arrays: list[np.ndarray], channels: int) -> torch.Tensor:
    """read_image's arrays as one uint8 N×C×H×W tensor."""
    stacked = torch.from_numpy(np.stack(arrays))
    images = stacked.unsqueeze(1) if channels == 1 else stacked.permute(0, 3, 1, 2)
    return images.contiguous()


def folder_labels(root: Path,
                  paths: list[Path]) -> tuple[torch.Tensor | None, tuple[str, ...] | None]:
    """One class per sub-folder of `root` (named after it, in sorted order) when every image
    lies inside one; no labels when some image lies in `root` itself."""
    tops = [path.relative_to(root).parts for path in paths]
    if any(len(parts) < 2 for parts in tops):
        return None, None
    classes = tuple(sorted({parts[0] for parts in tops}))
    index = {name: k for k, name in enumerate(classes)}
    return torch.tensor([index[parts[0]] for parts in tops], dtype=torch.int64), classes


class FolderLoader:
    Options = FolderOptions

    @staticmethod
    def load(options: FolderOptions, argument: str | None) -> InMemoryImages:
        root = Path(require_argument("folder", argument)).expanduser()
        check_image_options(options)
        return load_folder(root, options)
