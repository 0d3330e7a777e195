"""Build typed dataclasses from plain mappings, with one-line errors that name the key and what it allows."""

from __future__ import annotations

import dataclasses
import difflib
import math
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, Union, cast, get_args, get_origin

from gankit.core.errors import GankitError

T = TypeVar("T")


def build_dataclass(cls: type[T], values: Mapping[str, Any] | None, where: str = "") -> T:
    """Create `cls` from `values`, rejecting unknown keys and values of the wrong type."""
    values = {} if values is None else values
    if not isinstance(values, Mapping):
        raise GankitError(f"{where or 'config'} must be a mapping of keys to values, got {values!r}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {}
    for key, value in values.items():
        if key not in fields:
            raise GankitError(_unknown_key(key, list(fields), where))
        kwargs[key] = coerce(value, hints[key], _join(where, key))
    return cls(**kwargs)


def coerce(value: Any, annotation: Any, key: str) -> Any:
    """Return `value` converted to `annotation`, or raise a GankitError naming `key`."""
    origin = get_origin(annotation)
    if annotation is Any:
        return value
    if origin in (Union, types.UnionType):
        return _coerce_union(value, get_args(annotation), key)
    if origin is Literal:
        return _coerce_literal(value, get_args(annotation), key)
    if dataclasses.is_dataclass(annotation):
        # an annotation is a class, never a dataclass instance
        return build_dataclass(cast("type[Any]", annotation), value, key)
    if origin in (list, tuple):
        return _coerce_sequence(value, annotation, key)
    if origin is dict or annotation is dict:
        if not isinstance(value, Mapping):
            raise GankitError(f"{key} must be a mapping, got {value!r}")
        return dict(value)
    return _coerce_scalar(value, annotation, key)


def _coerce_union(value: Any, options: tuple, key: str) -> Any:
    if value is None and type(None) in options:
        return None
    errors = []
    for option in options:
        if option is type(None):
            continue
        try:
            return coerce(value, option, key)
        except GankitError as error:
            errors.append(str(error))
    raise GankitError(errors[0] if len(errors) == 1 else f"{key}: {value!r} fits none of its types")


def _coerce_literal(value: Any, allowed: tuple, key: str) -> Any:
    for option in allowed:
        if _names(value, option):
            return option
    close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    choices = ", ".join(str(a) for a in allowed)
    raise GankitError(f"{key}={value!r} is not allowed{hint}; choose one of: {choices}")


def _names(value: Any, option: Any) -> bool:
    """Whether `value` spells the literal `option`: `true` is not 1, and `"3"` (a quoted
    number in a YAML file) is 3."""
    if isinstance(value, bool) or isinstance(option, bool):
        return value is option
    if isinstance(value, str) and not isinstance(option, str):
        return value.strip() == str(option)
    return isinstance(value, (str, int, float)) and value == option


def _coerce_sequence(value: Any, annotation: Any, key: str) -> Any:
    origin, args = get_origin(annotation), get_args(annotation)
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
        raise GankitError(f"{key} must be a list, got {value!r}")
    if origin is tuple and args and args[-1] is not Ellipsis:
        if len(value) != len(args):
            raise GankitError(f"{key} must have {len(args)} items, got {value!r}")
        return tuple(coerce(v, a, f"{key}[{i}]") for i, (v, a) in enumerate(zip(value, args)))
    item = args[0] if args else Any
    items = [coerce(v, item, f"{key}[{i}]") for i, v in enumerate(value)]
    return tuple(items) if origin is tuple else items


def _coerce_scalar(value: Any, annotation: Any, key: str) -> Any:
    if annotation is bool:
        return _coerce_bool(value, key)
    if annotation is int:
        return _coerce_int(value, key)
    if annotation is float:
        return _coerce_float(value, key)
    if annotation is str:
        if isinstance(value, str):
            return value
        raise GankitError(f"{key} must be a string, got {value!r}")
    raise TypeError(f"unsupported annotation {annotation!r} for {key}")


def _coerce_bool(value: Any, key: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "on", "off"):
        return value.lower() in ("true", "yes", "on")
    raise GankitError(f"{key} must be true or false, got {value!r}")


def _coerce_int(value: Any, key: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return _to_int(value)
        except ValueError:
            pass
    raise GankitError(f"{key} must be an integer, got {value!r}")


def _coerce_float(value: Any, key: str) -> float:
    """Floats must be finite: no option of gankit means anything at NaN or infinity."""
    readable = isinstance(value, (int, float, str)) and not isinstance(value, bool)
    number = _to_float(value) if readable else None
    if number is None:
        raise GankitError(f"{key} must be a number, got {value!r}")
    if not math.isfinite(number):
        raise GankitError(f"{key} must be a finite number, got {number}")
    return number


def _to_float(value: float | str) -> float | None:
    try:
        return float(value)
    except OverflowError:  # an int beyond float's range
        assert not isinstance(value, str)  # float() of a str gives ±inf instead of raising
        return math.inf if value > 0 else -math.inf
    except ValueError:
        return None


def _to_int(text: str) -> int:
    number = float(text)
    if not number.is_integer():
        raise ValueError(text)
    return int(number)


def _unknown_key(key: str, allowed: list[str], where: str) -> str:
    close = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    place = f" in {where}" if where else ""
    return f"unknown key {_join(where, key)!r}{place}{hint}; allowed keys: {', '.join(sorted(allowed))}"


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else str(key)


def to_plain(obj: Any) -> Any:
    """Turn dataclasses and tuples into plain dicts and lists (for YAML and checkpoints)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj
