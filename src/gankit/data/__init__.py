"""Data sources by name: `load_dataset("fashion-mnist", {"limit": 1000})`, `folder:PATH`, ...

Importing this package does not import torch: names, summaries and options come from
registry.py, and a dataset's module is imported when it is loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gankit.core.validate import build_dataclass
from gankit.data.registry import DATASETS, split_data_name

if TYPE_CHECKING:
    from gankit.data.base import DataSource

__all__ = [
    "DATASETS",
    "DataSource",
    "EpochSampler",
    "InMemoryImages",
    "dataset_options",
    "load_dataset",
    "split_data_name",
]
LAZY = ("DataSource", "EpochSampler", "InMemoryImages")  # from gankit.data.base


def dataset_options(name: str) -> type[Any]:
    """The Options dataclass of dataset `name` (`folder:PATH` counts as `folder`)."""
    return DATASETS.entry(split_data_name(name)[0]).options


def load_dataset(name: str, options: Mapping[str, Any] | None = None) -> DataSource:
    """Load dataset `name` with `options` (a plain mapping, validated against its Options)."""
    base, argument = split_data_name(name)
    parsed = build_dataclass(dataset_options(base), options, where="data_options")
    return DATASETS.get(base).load(parsed, argument)


def __getattr__(name: str) -> Any:
    if name in LAZY:
        from gankit.data import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
