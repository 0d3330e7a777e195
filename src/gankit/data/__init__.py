"""Data sources by name: `load_dataset("fashion-mnist", {"limit": 1000})`, `folder:PATH`, ...

Importing this package imports every loader module, so DATASETS holds the full registry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gankit.core.validate import build_dataclass
from gankit.data import (  # noqa: F401  (registers)
    digits,
    folder,
    idx_datasets,
    mixtures,
    npz,
    oracle_data,
    text,
)
from gankit.data.base import DataSource, EpochSampler, InMemoryImages
from gankit.data.registry import DATASETS, split_data_name

__all__ = [
    "DATASETS",
    "DataSource",
    "EpochSampler",
    "InMemoryImages",
    "dataset_options",
    "load_dataset",
    "split_data_name",
]


def dataset_options(name: str) -> type:
    """The Options dataclass of dataset `name` (`folder:PATH` counts as `folder`)."""
    return DATASETS.get(split_data_name(name)[0]).Options


def load_dataset(name: str, options: Mapping[str, Any] | None = None) -> DataSource:
    """Load dataset `name` with `options` (a plain mapping, validated against its Options)."""
    base, argument = split_data_name(name)
    loader = DATASETS.get(base)
    parsed = build_dataclass(loader.Options, options, where="data_options")
    return loader.load(parsed, argument)
