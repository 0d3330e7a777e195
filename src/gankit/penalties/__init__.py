"""Critic penalties by name: `build_penalty("gp", {"one_sided": True})`.

Importing this package does not import torch: names, summaries and options come from
registry.py, and a penalty's module is imported when it is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gankit.core.validate import build_dataclass
from gankit.penalties.registry import PENALTIES

if TYPE_CHECKING:
    from gankit.penalties.base import Penalty

__all__ = ["PENALTIES", "Penalty", "build_penalty", "penalty_class", "penalty_options"]


def penalty_class(name: str) -> type[Penalty]:
    """The registered class; a GankitError listing the names if `name` is unknown."""
    return PENALTIES.get(name)


def penalty_options(name: str) -> type[Any]:
    """The options dataclass of penalty `name`."""
    return PENALTIES.entry(name).options


def build_penalty(name: str, options: Mapping[str, Any] | None = None) -> Penalty:
    """Validate `options` against the penalty's Options dataclass and build it."""
    typed = build_dataclass(penalty_options(name), options, where="penalties[].options")
    return penalty_class(name)(typed)


def __getattr__(name: str) -> Any:
    if name == "Penalty":
        from gankit.penalties.base import Penalty

        return Penalty
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
