"""Real-data statistics, computed once per (dataset, split, image size, extractor identity, n)
and cached as `<cache>/real-stats/*.npz`: mean, covariance and the features themselves
(precision/recall and KID need them). A cache file that cannot be read or does not match its
key is recomputed."""

from __future__ import annotations

import dataclasses
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from gankit.core.errors import GankitError
from gankit.core.io import atomic_path
from gankit.data import dataset_options, load_dataset
from gankit.metrics.cache import cache_dir, safe_name
from gankit.metrics.extractors.base import Extractor
from gankit.metrics.frechet import feature_statistics

SUBSET_SEED = 0  # which n real images are used; fixed so the cache stays valid
NO_SPLIT = "all"  # the split name recorded for datasets without splits
NATIVE = 0  # the image_size recorded when the dataset's own size is used
KEY_FIELDS = ("dataset", "split", "image_size", "extractor", "requested")


@dataclass(frozen=True)
class RealStats:
    dataset: str
    split: str
    image_size: int  # the size the images were resized to (NATIVE: as the dataset has them)
    extractor: str  # the extractor's identity
    requested: int  # the n asked for (part of the key)
    features: np.ndarray  # float32 n×D
    mu: np.ndarray  # float64 D
    sigma: np.ndarray  # float64 D×D
    labels: np.ndarray | None = None  # int64 n, when the dataset is labelled
    manifold: np.ndarray | None = None  # the k-NN metrics' features (Extractor.extract)
    blocks: tuple[int, ...] = ()  # their blocks' widths

    @property
    def n(self) -> int:
        """How many real images the statistics describe (≤ requested)."""
        return len(self.features)


def real_statistics(dataset: str, extractor: Extractor, split: str = "test", n: int = 10000,
                    image_size: int | None = None, need_labels: bool = False) -> RealStats:
    """The cached statistics of up to `n` images of `dataset`'s `split` (resized to
    `image_size` when given), computing them once (again when `need_labels` and the cached ones
    were written without labels)."""
    split, size = split_name(dataset, split), image_size or NATIVE
    path = stats_path(dataset, split, size, extractor.identity, n)
    key: dict[str, str | int] = {"dataset": dataset, "split": split, "image_size": size,
                                 "extractor": extractor.identity, "requested": n}
    cached = read_stats(path, key)
    if cached is not None and cached.manifold is not None and (
            cached.labels is not None or not need_labels):
        return cached
    images, labels = real_images(dataset, split, n, image_size)
    extraction = extractor.extract(images)
    mu, sigma = feature_statistics(extraction.features)
    stats = RealStats(dataset, split, size, extractor.identity, n, extraction.features, mu, sigma,
                      None if labels is None else labels.numpy().astype(np.int64),
                      extraction.manifold, extraction.blocks)
    write_stats(path, stats)
    return stats


def option_names(dataset: str) -> set[str]:
    return {f.name for f in dataclasses.fields(dataset_options(dataset))}


def split_name(dataset: str, split: str) -> str:
    """`split` when the dataset has splits, else NO_SPLIT."""
    return split if "split" in option_names(dataset) else NO_SPLIT


def resizable(dataset: str) -> bool:
    """Whether the dataset takes an image_size option."""
    return "image_size" in option_names(dataset)


def stats_path(dataset: str, split: str, image_size: int, identity: str, n: int) -> Path:
    size = f"{image_size}px" if image_size != NATIVE else "native"
    name = "-".join(safe_name(part) for part in (dataset, split, size, identity, f"n{n}"))
    return cache_dir() / "real-stats" / f"{name}.npz"


def real_images(dataset: str, split: str, n: int,
                image_size: int | None = None) -> tuple[torch.Tensor, torch.Tensor | None]:
    """uint8 N×C×H×W and their labels (None when unlabelled): all of the split when it has ≤ n
    images, else n drawn with SUBSET_SEED."""
    if n < 2:
        raise GankitError(f"need at least 2 real images for statistics, asked for {n}")
    options: dict[str, str | int] = {} if split == NO_SPLIT else {"split": split}
    if image_size is not None:
        options["image_size"] = image_size
    source = load_dataset(dataset, options)
    images = getattr(source, "images", None)
    if getattr(source, "kind", None) != "images" or images is None:
        raise GankitError(f"dataset {dataset!r} holds no images to compare against")
    labels = getattr(source, "labels", None)
    if len(images) <= n:
        return images, labels
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(SUBSET_SEED))
    keep = order[:n].sort().values
    return images[keep], None if labels is None else labels[keep]


def read_stats(path: Path, key: dict[str, str | int]) -> RealStats | None:
    """The cached statistics at `path`, or None when missing, unreadable or for another key."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as archive:
            stored = {field: archive[field].item() for field in KEY_FIELDS}
            arrays = {name: archive[name] for name in ("features", "mu", "sigma")}
            labels = archive["labels"] if "labels" in archive.files else None
            manifold = archive["manifold"] if "manifold" in archive.files else None
            blocks = tuple(int(b) for b in archive["blocks"]) if "blocks" in archive.files else ()
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None
    if stored != key or not consistent(arrays):
        return None
    if labels is not None and labels.shape != (len(arrays["features"]),):
        labels = None
    if manifold is None or len(manifold) != len(arrays["features"]) or sum(blocks) != (
            manifold.shape[1] if manifold.ndim == 2 else -1):
        manifold, blocks = None, ()
    return RealStats(**stored, **arrays, labels=labels, manifold=manifold, blocks=blocks)


def consistent(arrays: dict[str, np.ndarray]) -> bool:
    features, mu, sigma = arrays["features"], arrays["mu"], arrays["sigma"]
    dim = features.shape[1] if features.ndim == 2 else -1
    return (len(features) >= 2 and mu.shape == (dim,) and sigma.shape == (dim, dim)
            and bool(np.isfinite(sigma).all()))


def write_stats(path: Path, stats: RealStats) -> None:
    fields = {field: np.asarray(getattr(stats, field)) for field in KEY_FIELDS}
    if stats.labels is not None:
        fields["labels"] = stats.labels
    if stats.manifold is not None:
        fields["manifold"] = stats.manifold.astype(np.float32)
        fields["blocks"] = np.asarray(stats.blocks, dtype=np.int64)
    # numpy's stubs give savez a keyword allow_pickle: bool beside **fields
    with atomic_path(path) as tmp, tmp.open("wb") as handle:
        np.savez(handle, features=stats.features.astype(np.float32), mu=stats.mu,
                 sigma=stats.sigma, **fields)  # type: ignore[arg-type]
