"""Checks on a loader's argument and options, each failing with one GankitError line."""

from __future__ import annotations

from gankit.core.errors import GankitError


def reject_argument(name: str, argument: str | None) -> None:
    """Datasets such as `ring` take nothing after a colon."""
    if argument is not None:
        raise GankitError(f"dataset {name!r} takes no argument, got {name}:{argument}")


def require_argument(name: str, argument: str | None) -> str:
    """Datasets such as `folder:PATH` need the part after the colon."""
    if not argument:
        raise GankitError(f"dataset {name!r} needs a path: write it as {name}:PATH")
    return argument


def check_positive(value: float | None, key: str) -> None:
    """`value` must be None (unset) or greater than zero."""
    if value is not None and value <= 0:
        raise GankitError(f"data_options.{key} must be greater than 0, got {value!r}")


def check_image_options(options: object) -> None:
    """Validate the `image_size` and `limit` options that image loaders share."""
    for key in ("image_size", "limit"):
        check_positive(getattr(options, key, None), key)
