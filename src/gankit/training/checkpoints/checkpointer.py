"""Saving and restoring a trainer: never a checkpoint with a NaN in it, resuming from the newest
checkpoint that verifies, and the newest good checkpoint again for a divergence rollback."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gankit.core.errors import GankitWarning
from gankit.training.build import Components
from gankit.training.checkpoints.contents import checkpoint_contents, restore_contents
from gankit.training.checkpoints.files import DamagedCheckpoint, check_fingerprint
from gankit.training.checkpoints.store import CheckpointStore
from gankit.training.divergence import Diverged, finite_weights
from gankit.training.draws import Draws
from gankit.training.logger import trim_metrics
from gankit.training.run_dir import RunDir
from gankit.training.state import TrainerState

DAMAGED = (KeyError, TypeError, ValueError, AttributeError, RuntimeError, IndexError)


class Checkpointer:
    """Writes checkpoints of `parts`, `state` and `draws` (only on the main process) and
    restores them; `restored` runs after each restore (recorded updates drop their graphs)."""

    def __init__(self, parts: Components, state: TrainerState, draws: Draws,
                 fingerprint: dict[str, Any], run: RunDir | None, is_main: bool,
                 restored: Callable[[], None] = lambda: None) -> None:
        self.parts, self.state, self.draws, self.fingerprint = parts, state, draws, fingerprint
        self.run, self.is_main, self.restored = run, is_main, restored
        folder = run.checkpoints if run is not None else Path(".")
        self.store = CheckpointStore(folder, parts.config.log.keep_checkpoints)

    def contents(self) -> dict[str, Any]:
        return checkpoint_contents(self.parts, self.state, self.draws, self.fingerprint)

    def restore(self, contents: dict[str, Any]) -> None:
        restore_contents(self.parts, self.state, self.draws, contents)
        self.restored()

    def save(self, steps_done: int) -> None:
        """A checkpoint of the current state; refused (as divergence) if a weight is not
        finite, so no checkpoint on disk ever holds a NaN."""
        if not self.is_main:
            return
        if not finite_weights(self.parts.generator, self.parts.critic):
            raise Diverged("a weight of the nets")
        self.store.save(self.contents(), steps_done)

    def resume(self, steps_done: Callable[[], int]) -> Path | None:
        """Continue from the newest checkpoint that loads; logs written after it are dropped.
        A run killed before its first checkpoint starts again from step 0 (with a warning)."""
        assert self.run is not None, "only a run with a folder resumes"
        path = None
        if not self.store.candidates():
            warnings.warn(f"{self.run.root} has no checkpoint yet; starting it from step 0",
                          GankitWarning, stacklevel=3)
        else:
            path = self.load_newest()
        if self.is_main:
            trim_metrics(self.run.metrics, steps_done())
            for stale in self.run.root.glob(".*.tmp"):
                stale.unlink(missing_ok=True)
        return path

    def load_newest(self) -> Path:
        """Restore the newest checkpoint that verifies and fits this run."""
        return self.store.load(self.verified_restore, tidy=self.is_main)

    def verified_restore(self, contents: dict[str, Any], path: Path) -> None:
        check_fingerprint(contents, self.fingerprint, path)
        try:
            self.restore(contents)
        except DAMAGED:
            raise DamagedCheckpoint(f"{path} does not fit this run (its contents are damaged)") \
                from None
