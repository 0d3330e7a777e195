"""Checkpoints: one dict of tensors and plain values, saved atomically and loaded with
`weights_only=True` (no code runs on load). A fingerprint ties a checkpoint to its model."""

from __future__ import annotations

import pickle
import zipfile
from pathlib import Path
from typing import Any

import torch

from gankit.core.errors import GankitError
from gankit.core.io import atomic_path

FORMAT = "gankit-checkpoint-1"


def save_checkpoint(path: Path, payload: dict[str, Any]) -> None:
    with atomic_path(path) as tmp:
        torch.save({"format": FORMAT, **payload}, tmp)


def load_checkpoint(path: Path, fingerprint: dict[str, Any]) -> dict[str, Any]:
    """Load and check that the checkpoint belongs to the model described by `fingerprint`."""
    payload = read_checkpoint(path)
    check_fingerprint(payload, fingerprint, path)
    return payload


def read_checkpoint(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise GankitError(f"no checkpoint at {path}")
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except (RuntimeError, pickle.UnpicklingError, zipfile.BadZipFile, EOFError, ValueError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise GankitError(f"{path} is not a readable gankit checkpoint ({first_line})") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise GankitError(f"{path} is not a gankit checkpoint")
    return payload


def check_fingerprint(payload: dict[str, Any], fingerprint: dict[str, Any], path: Path) -> None:
    if payload.get("fingerprint") != fingerprint:
        raise GankitError(f"{path} was written by another model "
                          f"({_describe(payload.get('fingerprint'))}), not {_describe(fingerprint)}")


def _describe(fingerprint: Any) -> str:
    if not isinstance(fingerprint, dict):
        return "unknown"
    return ", ".join(f"{k}={v}" for k, v in fingerprint.items())
