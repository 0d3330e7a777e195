"""Config keys replaced by `wrappers:` (gankit 0.1 → 0.2), still read for one release: each is
translated to its new key with a one-line warning. Run folders written before keep resuming."""

from __future__ import annotations

import warnings
from typing import Any

from gankit.core.errors import GankitError, GankitWarning

ENCODER_KEYS = {"weight": "weight", "score": "score", "update": "schedule"}  # old -> new
ACGAN_KEYS = {"acgan_weight": "weight", "acgan_critic_fakes": "critic_fakes"}
ACGAN_DEFAULTS = {"weight": 1.0, "critic_fakes": True}


def translate(raw: dict[str, Any]) -> dict[str, Any]:
    """`raw` with `encoder.*`, `acgan_weight` and `acgan_critic_fakes` moved under `wrappers`.
    Keys that changed nothing (O-GAN off, AC-GAN's defaults, AC-GAN settings of a run without an
    AC-GAN critic) are dropped without a word: every old run folder's config.yaml has them."""
    raw = dict(raw)
    wrappers: dict[str, Any] = {}
    moved = [*_move_encoder(raw, wrappers), *_move_acgan(raw, wrappers)]
    if moved:
        raw["wrappers"] = _merged(wrappers, raw.get("wrappers"))
        warnings.warn(f"{', '.join(moved)} are deprecated and go in the next release; write "
                      f"them under wrappers ({_as_keys(wrappers)})", GankitWarning, stacklevel=3)
    return raw


def _move_encoder(raw: dict[str, Any], wrappers: dict[str, Any]) -> list[str]:
    encoder = raw.pop("encoder", None)
    if encoder is None:
        return []
    if not isinstance(encoder, dict):
        raise GankitError(f"encoder must be a mapping (it is deprecated: use wrappers.ogan), "
                          f"got {encoder!r}")
    if not encoder.get("enabled"):
        return []
    wrappers["ogan"] = {new: encoder[old] for old, new in ENCODER_KEYS.items() if old in encoder}
    return [f"encoder.{key}" for key in encoder]


def _move_acgan(raw: dict[str, Any], wrappers: dict[str, Any]) -> list[str]:
    given = {new: raw.pop(old) for old, new in ACGAN_KEYS.items() if old in raw}
    changed = {k: v for k, v in given.items() if v != ACGAN_DEFAULTS[k]}
    options = raw.get("net_options") or {}
    acgan_critic = raw.get("conditional") and isinstance(options, dict) \
        and options.get("conditioning") == "acgan"
    if not changed or not acgan_critic:
        return []
    wrappers["acgan"] = given
    return [old for old, new in ACGAN_KEYS.items() if new in given]


def _merged(moved: dict[str, Any], given: Any) -> dict[str, Any]:
    """The moved settings under what `wrappers` already says (which wins)."""
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


def _as_keys(wrappers: dict[str, Any]) -> str:
    return " ".join(f"wrappers.{name}.{key}={value}" for name, options in wrappers.items()
                    for key, value in (options or {}).items())
