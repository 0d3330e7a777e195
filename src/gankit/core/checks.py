"""One-line GankitErrors for option values no paper would accept (objectives and penalties)."""

from __future__ import annotations

import math

from gankit.core.errors import GankitError


def require_positive(value: float, key: str) -> None:
    """`value` must be a finite number greater than zero; `key` names it in the message."""
    if not (math.isfinite(value) and value > 0):
        raise GankitError(f"{key} must be a finite number greater than 0, got {value!r}")


def require_non_negative(value: float, key: str) -> None:
    """`value` must be a finite number, zero or more; `key` names it in the message."""
    if not (math.isfinite(value) and value >= 0):
        raise GankitError(f"{key} must be a finite number, 0 or more, got {value!r}")


def require_unit_interval(value: float, key: str) -> None:
    """`value` must lie in [0, 1]; `key` names it in the message."""
    if not 0.0 <= value <= 1.0:
        raise GankitError(f"{key} must be in [0, 1], got {value!r}")
