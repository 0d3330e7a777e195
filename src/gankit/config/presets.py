"""YAML presets shipped with the package, and reading YAML config files (with `extends:`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from gankit.config.deprecated import translate
from gankit.core.errors import GankitError
from gankit.core.paths import is_file
from gankit.core.registry import unknown_name_message

PRESET_DIR = Path(__file__).parent / "presets"


def preset_names() -> list[str]:
    """Public presets; files starting with '_' are shared bases that presets extend."""
    return sorted(p.stem for p in PRESET_DIR.glob("*.yaml") if not p.stem.startswith("_"))


def preset_summary(name: str) -> str:
    return str(read_yaml(PRESET_DIR / f"{name}.yaml").get("summary", ""))


def load_source(source: str) -> dict[str, Any]:
    """Read a preset by name or a YAML file by path, following `extends:` chains."""
    path = Path(source)
    if source.endswith((".yaml", ".yml")) or is_file(path):
        if not is_file(path):
            raise GankitError(f"config file {source!r} does not exist")
        raw = resolve_extends(path, seen=())
    else:
        if source not in preset_names():
            raise GankitError(unknown_name_message("preset", source, preset_names()))
        raw = resolve_extends(PRESET_DIR / f"{source}.yaml", seen=())
        raw.setdefault("preset", source)
    raw.pop("summary", None)
    return raw


def resolve_extends(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    if path in seen:
        raise GankitError(f"config {path} extends itself in a loop")
    raw = translate(read_yaml(path))
    base_name = raw.pop("extends", None)
    if base_name is None:
        return raw
    if not isinstance(base_name, str) or not base_name:
        raise GankitError(f"{path}: extends must name a preset or a YAML file, got {base_name!r}")
    base_path = _base_path(base_name, path)
    return deep_merge(resolve_extends(base_path, seen + (path,)), raw)


def _base_path(name: str, child: Path) -> Path:
    for candidate in (child.parent / name, child.parent / f"{name}.yaml", PRESET_DIR / f"{name}.yaml"):
        if is_file(candidate):
            return candidate
    raise GankitError(f"{child}: extends {name!r}, which is neither a preset nor a file beside it")


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise GankitError(f"cannot read config {path}: {error}") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        raise GankitError(f"config {path} is not valid YAML{line}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GankitError(f"config {path} must be a mapping of keys to values")
    return data


def deep_merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    """`top` wins; nested mappings merge key by key."""
    merged = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
