"""Edge maps kept once computed: scikit-image's Canny takes about half a minute for Fashion-MNIST's
60,000 images on one CPU core, paid by every run and every `gankit eval` of an edges run without
a cache. `<cache>/pairs/<name>-<key>.npz` (core.cache) holds the sources of one set of images,
the key a SHA-256 of the images' bytes and shape, the degradation's settings and the library's
version, so any change of either computes them again. Sets under `SMALLEST` images are not kept
(they take under a few seconds). A file that cannot be read, or holds sources of another shape,
is computed again; a cache that cannot be written is skipped."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
from torch import Tensor

from gankit.core.cache import cache_dir
from gankit.core.io import atomic_path

SMALLEST = 5000
FORMAT = "1"  # bump when the sources of the same settings change


def cached_sources(name: str, images: Tensor, settings: str, make: Callable[[], Tensor],
                   smallest: int = SMALLEST) -> Tensor:
    """`make()` (the uint8 sources of `images`), read from the cache when it holds them."""
    if len(images) < smallest:
        return make()
    path = cache_dir() / "pairs" / f"{name}-{key(images, settings)}.npz"
    found = read(path, len(images))
    if found is not None:
        return found
    sources = make()
    write(path, sources)
    return sources


def key(images: Tensor, settings: str) -> str:
    digest = hashlib.sha256(f"{FORMAT}|{settings}|{tuple(images.shape)}|".encode())
    digest.update(images.contiguous().cpu().numpy().tobytes())
    return digest.hexdigest()[:32]


def read(path: Path, count: int) -> Tensor | None:
    try:
        with np.load(path, allow_pickle=False) as stored:
            sources = stored["sources"]
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError):
        return None
    if sources.dtype != np.uint8 or sources.ndim != 4 or len(sources) != count:
        return None
    return torch.from_numpy(sources)


def write(path: Path, sources: Tensor) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as tmp, tmp.open("wb") as handle:
            np.savez_compressed(handle, sources=sources.numpy())
    except OSError:
        return  # a read-only cache: the sources are still returned
