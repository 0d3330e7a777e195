"""Checkpoints: one dict of tensors and plain values, saved atomically and loaded with
`weights_only=True` (no code runs on load). A fingerprint ties a checkpoint to its model."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import torch

from gankit.core.errors import GankitError
from gankit.core.io import write_bytes_durably
from gankit.core.paths import is_file

FORMAT = "gankit-checkpoint-1"


class DamagedCheckpoint(GankitError):
    """A checkpoint file that cannot be read as what it claims to be (a resume falls back to an
    older one)."""


def save_checkpoint(path: Path, payload: dict[str, Any]) -> None:
    """One checkpoint file, written durably (best.pt; a run's own go through CheckpointStore)."""
    buffer = io.BytesIO()
    torch.save({"format": FORMAT, **payload}, buffer)
    write_bytes_durably(path, buffer.getvalue())


def load_checkpoint(path: Path, fingerprint: dict[str, Any]) -> dict[str, Any]:
    """Load and check that the checkpoint belongs to the model described by `fingerprint`."""
    payload = read_checkpoint(path)
    check_fingerprint(payload, fingerprint, path)
    return payload


def read_checkpoint(path: Path) -> dict[str, Any]:
    if not is_file(path):
        raise GankitError(f"no checkpoint at {path}")
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except PermissionError:
        raise DamagedCheckpoint(f"cannot read {path}: no permission") from None
    except Exception as error:  # noqa: BLE001  (any failure to parse untrusted bytes)
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise DamagedCheckpoint(f"{path} is not a readable gankit checkpoint ({first_line})") \
            from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise DamagedCheckpoint(f"{path} is not a gankit checkpoint")
    return payload


def check_fingerprint(payload: dict[str, Any], fingerprint: dict[str, Any], path: Path) -> None:
    if not is_plain(payload.get("fingerprint")):
        raise GankitError(f"{path} was not written by gankit (its fingerprint is not plain data)")
    if payload.get("fingerprint") != fingerprint:
        raise GankitError(f"{path} was written by another model "
                          f"({_describe(payload.get('fingerprint'))}), not {_describe(fingerprint)}")


def _describe(fingerprint: Any) -> str:
    if not isinstance(fingerprint, dict):
        return "unknown"
    return ", ".join(f"{k}={v}" for k, v in fingerprint.items())


def is_plain(value: object) -> bool:
    """Only what a fingerprint holds (so comparing one never meets a tensor's ambiguous ==)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_plain(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(is_plain(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))
