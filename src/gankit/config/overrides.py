"""Parse `key=value` command-line overrides into a nested mapping."""

from __future__ import annotations

from typing import Any

import yaml

from gankit.core.errors import GankitError


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """`g_opt.lr=1e-4 penalties=[{name: r1}]` → {"g_opt": {"lr": "1e-4"}, "penalties": [...]}.

    Values are read as YAML scalars or flow collections; numbers YAML keeps as strings
    (such as 1e-4) are converted later, when the typed config is built.
    """
    result: dict[str, Any] = {}
    for item in items:
        key, sep, text = item.partition("=")
        if not sep or not _is_key(key):
            raise GankitError(f"override {item!r} must look like key=value (e.g. steps=2000)")
        _set_nested(result, key.split("."), _parse_value(text, key))
    return result


def _is_key(key: str) -> bool:
    """Dotted names: printable, no blanks, no empty part (a key goes into one-line messages)."""
    return key.isprintable() and not any(c.isspace() for c in key) \
        and all(key.split("."))


def _parse_value(text: str, key: str) -> Any:
    try:
        return yaml.safe_load(text) if text.strip() else ""
    except yaml.YAMLError:
        raise GankitError(f"cannot read the value of {key}: {text!r}") from None


def _set_nested(target: dict[str, Any], path: list[str], value: Any) -> None:
    for part in path[:-1]:
        child = target.setdefault(part, {})
        if not isinstance(child, dict):
            raise GankitError(f"{'.'.join(path)}: {part} was already set to a plain value")
        target = child
    target[path[-1]] = value
