"""Config keys replaced by `wrappers:` (gankit 0.1 → 0.2), still read for one release: each layer
of a config (a preset or YAML file, the command line, a run folder's config.yaml) has its old keys
translated to the new ones before the layers merge, so a later layer overrides an earlier one
whichever spelling each uses. Each translation is one warning line."""

from __future__ import annotations

import warnings
from typing import Any

from gankit.core.errors import GankitError, GankitWarning

ENCODER_KEYS = {"weight": "weight", "score": "score", "update": "schedule"}  # old -> new
ACGAN_KEYS = {"acgan_weight": "weight", "acgan_critic_fakes": "critic_fakes"}
ACGAN_DEFAULTS = {"weight": 1.0, "critic_fakes": True}


def translate(layer: dict[str, Any], whole: bool = False) -> dict[str, Any]:
    """`layer` with `encoder.*`, `acgan_weight` and `acgan_critic_fakes` under `wrappers`.

    `encoder.*` becomes wrappers.ogan.* unless `encoder.enabled` is false (then it changed
    nothing). The AC-GAN keys move when they differ from their defaults; in a `whole` config (a
    run folder's config.yaml, which lists every key) only when its critic is an AC-GAN one, as
    they changed nothing elsewhere."""
    layer = dict(layer)
    moved: dict[str, Any] = {}
    old_keys = [*_move_encoder(layer, moved), *_move_acgan(layer, moved, whole)]
    if old_keys:
        layer["wrappers"] = _merged(moved, layer.get("wrappers"))
        warnings.warn(f"{', '.join(old_keys)}: deprecated, and gone in the next release; write "
                      f"{_as_keys(moved)}", GankitWarning, stacklevel=3)
    return layer


def _move_encoder(layer: dict[str, Any], moved: dict[str, Any]) -> list[str]:
    encoder = layer.pop("encoder", None)
    if encoder is None:
        return []
    if not isinstance(encoder, dict):
        raise GankitError(f"encoder must be a mapping (it is deprecated: use wrappers.ogan), "
                          f"got {encoder!r}")
    if encoder.get("enabled") is False:
        return []
    moved["ogan"] = {new: encoder[old] for old, new in ENCODER_KEYS.items() if old in encoder}
    return [f"encoder.{key}" for key in encoder]


def _move_acgan(layer: dict[str, Any], moved: dict[str, Any], whole: bool) -> list[str]:
    given = {new: layer.pop(old) for old, new in ACGAN_KEYS.items() if old in layer}
    changed = any(v != ACGAN_DEFAULTS[k] for k, v in given.items())
    options = layer.get("net_options")
    acgan_critic = bool(layer.get("conditional")) and isinstance(options, dict) \
        and options.get("conditioning") == "acgan"
    if not changed or (whole and not acgan_critic):
        return []
    moved["acgan"] = given
    return [old for old, new in ACGAN_KEYS.items() if new in given]


def _merged(moved: dict[str, Any], given: Any) -> dict[str, Any]:
    """The moved settings under what the same layer's `wrappers` says (which wins)."""
    if given is None:
        return moved
    if not isinstance(given, dict):
        raise GankitError(f"wrappers must be a mapping of wrapper names to options, got {given!r}")
    merged = dict(given)
    for name, options in moved.items():
        mine = given.get(name)
        merged[name] = {**options, **mine} if isinstance(mine, dict) else \
            options if mine is None else mine
    return merged


def _as_keys(moved: dict[str, Any]) -> str:
    keys = [f"wrappers.{name}.{key}={value}" if options else f"wrappers.{name}={{}}"
            for name, options in moved.items() for key, value in (options or {None: None}).items()]
    return " ".join(keys)
