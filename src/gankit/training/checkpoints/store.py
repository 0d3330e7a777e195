"""A run's checkpoints, kept so that a crash at any instant loses at most the steps since the
last one: the newest `keep` checkpoints as `step-<steps done>.pt`, each written durably
(core.io.write_bytes_durably), and `index.json`, written the same way after the file it names,
with each file's step and SHA-256. `last.pt` is a hard link to the newest. A resume takes the
newest checkpoint that verifies and falls back to the one before, with a warning.

Runs from before the index have only `last.pt`, which is read as their one checkpoint.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch

from gankit.core.errors import GankitError, GankitWarning
from gankit.core.io import sync_folder, write_bytes_durably, write_text_atomic
from gankit.core.paths import is_file
from gankit.training.checkpoints.files import FORMAT, DamagedCheckpoint, read_checkpoint

INDEX_FORMAT = "gankit-checkpoints-1"
SLOW_SAVE = "GANKIT_TEST_SLOW_SAVE"  # seconds to pause per MiB written (crash tests only)


@dataclass(frozen=True)
class Entry:
    file: str
    steps_done: int
    sha256: str
    bytes: int


class CheckpointStore:
    def __init__(self, folder: Path, keep: int = 3) -> None:
        self.folder, self.keep = folder, keep

    @property
    def index(self) -> Path:
        return self.folder / "index.json"

    @property
    def last(self) -> Path:
        return self.folder / "last.pt"

    def save(self, payload: dict[str, Any], steps_done: int) -> Path:
        """Write a checkpoint durably, then the index that names it, then prune old ones."""
        data = serialise(payload)
        path = self.folder / f"step-{steps_done:09d}.pt"
        entry = Entry(path.name, steps_done, hashlib.sha256(data).hexdigest(), len(data))
        if entry in self.entries() and path.is_file():
            return path  # the same state saved again (the run's end right after a save)
        write_bytes_durably(path, data, float(os.environ.get(SLOW_SAVE) or 0))
        kept = [e for e in self.entries() if e.steps_done < steps_done][-(self.keep - 1):]
        kept = (kept if self.keep > 1 else []) + [entry]
        self.write_index(kept)
        self.link_last(path)
        self.remove_unlisted(kept)
        return path

    def entries(self) -> list[Entry]:
        """The indexed checkpoints, oldest first ([] when there is no readable index)."""
        try:
            stored = json.loads(self.index.read_text(encoding="utf-8"))
            return [Entry(**item) for item in stored["checkpoints"]]
        except (OSError, ValueError, KeyError, TypeError):
            return []

    def write_index(self, entries: list[Entry]) -> None:
        text = json.dumps({"format": INDEX_FORMAT,
                           "checkpoints": [asdict(e) for e in entries]}, indent=1) + "\n"
        write_text_atomic(self.index, text, durable=True)

    def link_last(self, path: Path) -> None:
        """last.pt names the newest checkpoint (a hard link; skipped where links are refused)."""
        tmp = self.folder / f".last.pt.{os.getpid()}.tmp"
        try:
            tmp.unlink(missing_ok=True)
            os.link(path, tmp)
            os.replace(tmp, self.last)
            sync_folder(self.folder)
        except OSError:
            tmp.unlink(missing_ok=True)

    def remove_unlisted(self, kept: list[Entry]) -> None:
        """Checkpoint files the index no longer names, and temporary files of killed writes."""
        names = {e.file for e in kept}
        for path in self.folder.glob("step-*.pt"):
            if path.name not in names:
                path.unlink(missing_ok=True)
        for path in self.folder.glob(".*.tmp"):
            path.unlink(missing_ok=True)

    def candidates(self) -> list[Path]:
        """Checkpoints to resume from, newest first."""
        entries = self.entries()
        if entries:
            return [self.folder / e.file for e in reversed(entries)]
        return [self.last] if is_file(self.last) else []

    def newest(self) -> Path:
        """The newest checkpoint's path (for sampling and evaluating a run)."""
        found = self.candidates()
        if not found:
            raise GankitError(f"no checkpoint at {self.folder}")
        return found[0]

    def load(self, use: Callable[[dict[str, Any], Path], None], tidy: bool = True) -> Path:
        """Read the newest checkpoint that verifies and hand it to `use` (which may raise
        DamagedCheckpoint to refuse it too); each damaged one skipped is a warning, any other
        GankitError stops. Returns the path used; `tidy` then removes files the index does not
        name (only the process that writes the run may)."""
        problems: list[DamagedCheckpoint] = []
        for path in self.candidates():
            try:
                use(self.verified(path), path)
            except DamagedCheckpoint as error:
                problems.append(error)
                continue
            if problems:
                warnings.warn(f"skipped {len(problems)} damaged checkpoint(s) ({problems[0]}); "
                              f"continuing from {path.name}", GankitWarning, stacklevel=2)
            if tidy:
                self.remove_unlisted(self.entries())
            return path
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise GankitError(f"none of the {len(problems)} checkpoints in {self.folder} can be "
                              f"read; the newest: {problems[0]}")
        raise GankitError(f"no checkpoint at {self.last}")

    def verified(self, path: Path) -> dict[str, Any]:
        """The checkpoint at `path`, after checking its size and hash against the index."""
        entry = next((e for e in self.entries() if e.file == path.name), None)
        if entry is not None:
            try:
                data = path.read_bytes()
            except OSError:
                raise DamagedCheckpoint(f"{path} is missing or unreadable") from None
            if len(data) != entry.bytes or hashlib.sha256(data).hexdigest() != entry.sha256:
                raise DamagedCheckpoint(f"{path}: its contents do not match the index "
                                        f"({len(data)} bytes, {entry.bytes} recorded)")
        return read_checkpoint(path)


def serialise(payload: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    torch.save({"format": FORMAT, **payload}, buffer)
    return buffer.getvalue()
