"""Critic penalties by name: `build_penalty("gp", {"one_sided": True})`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gankit.core.validate import build_dataclass
from gankit.penalties import dragan, gp, r1  # noqa: F401  (importing registers them)
from gankit.penalties.base import Penalty
from gankit.penalties.registry import PENALTIES

__all__ = ["PENALTIES", "Penalty", "build_penalty", "penalty_class"]


def penalty_class(name: str) -> type[Penalty]:
    """The registered class; a GankitError listing the names if `name` is unknown."""
    return PENALTIES.get(name)


def build_penalty(name: str, options: Mapping[str, Any] | None = None) -> Penalty:
    """Validate `options` against the penalty's Options dataclass and build it."""
    cls = penalty_class(name)
    return cls(build_dataclass(cls.Options, options, where="penalties[].options"))
