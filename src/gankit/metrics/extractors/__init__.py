"""Feature extractors by name: `build_extractor("domain-classifier", "fashion-mnist")`.

Importing this package does not import torch: names and summaries come from registry.py, and an
extractor's module is imported when it is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from gankit.metrics.extractors.registry import DEFAULT, EXTRACTORS

if TYPE_CHECKING:
    import torch

    from gankit.metrics.extractors.base import Extractor

__all__ = ["DEFAULT", "EXTRACTORS", "Extractor", "build_extractor"]


def build_extractor(name: str, dataset: str, path: Path | str | None = None,
                    device: str | torch.device = "cpu") -> Extractor:
    """The extractor `name` for comparisons against `dataset`."""
    return EXTRACTORS.get(name)(dataset, path, device)


def __getattr__(name: str) -> Any:
    if name == "Extractor":
        from gankit.metrics.extractors.base import Extractor

        return Extractor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
