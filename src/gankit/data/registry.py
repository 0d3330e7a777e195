"""The dataset registry. An entry is a loader: `load(options, argument) -> DataSource`.

`argument` is what follows the colon in names such as `folder:PATH` and `npz:PATH` (None otherwise).
"""

from __future__ import annotations

from gankit.core.registry import Registry

DATASETS: Registry = Registry("dataset")


def split_data_name(name: str) -> tuple[str, str | None]:
    """`folder:/a/b` → ("folder", "/a/b"); `ring` → ("ring", None)."""
    base, sep, argument = name.partition(":")
    return (base, argument) if sep else (name, None)
