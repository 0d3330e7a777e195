"""Data sources by name: `load_dataset("fashion-mnist", {"limit": 1000})`, `folder:PATH`, ...

An image dataset whose options set `pairs` is loaded, then made into image-to-image pairs
(data/paired/source.py: make_pairs).

Importing this package does not import torch: names, summaries and options come from
registry.py, and a dataset's module is imported when it is loaded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gankit.core.errors import GankitError
from gankit.core.validate import build_dataclass
from gankit.data.paired.options import PairedFolderOptions, PairOptions
from gankit.data.registry import DATASETS, split_data_name

if TYPE_CHECKING:
    from gankit.data.base import DataSource

__all__ = [
    "DATASETS",
    "DataSource",
    "EpochSampler",
    "InMemoryImages",
    "check_pair_keys",
    "dataset_options",
    "load_dataset",
    "split_data_name",
]
LAZY = ("DataSource", "EpochSampler", "InMemoryImages")  # from gankit.data.base


def dataset_options(name: str) -> type[Any]:
    """The Options dataclass of dataset `name` (`folder:PATH` counts as `folder`)."""
    return DATASETS.entry(split_data_name(name)[0]).options


def check_pair_keys(name: str, options: Mapping[str, Any] | None) -> None:
    """The options of image pairs given to a dataset they do not fit get one clear line, not
    "unknown key" (the config calls this before validating data_options)."""
    keys = set(options or ()) & {f.name for f in dataclasses.fields(PairOptions)}
    cls = dataset_options(name)
    if not keys or issubclass(cls, PairOptions):
        return
    base = split_data_name(name)[0]
    why = ("is image pairs already" if issubclass(cls, PairedFolderOptions)
           else "holds no images to degrade")
    images = ", ".join(n for n in DATASETS.names() if is_image_dataset(n))
    raise GankitError(f"data_options.{min(keys)} makes image-to-image pairs of an image dataset "
                      f"({images}); {base!r} {why}")


def is_image_dataset(name: str) -> bool:
    return issubclass(DATASETS.entry(name).options, PairOptions)


def load_dataset(name: str, options: Mapping[str, Any] | None = None) -> DataSource:
    """Load dataset `name` with `options` (a plain mapping, validated against its Options)."""
    base, argument = split_data_name(name)
    check_pair_keys(base, options)
    parsed = build_dataclass(dataset_options(base), options, where="data_options")
    source = DATASETS.get(base).load(parsed, argument)
    if isinstance(parsed, PairOptions) and parsed.pairs is not None:
        from gankit.data.paired.source import make_pairs

        return make_pairs(source, parsed)
    return source


def __getattr__(name: str) -> Any:
    if name in LAZY:
        from gankit.data import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
