"""The trainer's checkpoints: saving (never a checkpoint with a NaN in it), resuming from the
newest checkpoint that verifies, and rolling back after divergence (training.divergence)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from gankit.core.errors import GankitError, GankitWarning
from gankit.training.checkpoint import DamagedCheckpoint, check_fingerprint
from gankit.training.distributed import barrier
from gankit.training.divergence import Diverged, finite_weights
from gankit.training.logger import trim_metrics
from gankit.training.trainer_state import load_trainer_state, trainer_state

DAMAGED = (KeyError, TypeError, ValueError, AttributeError, RuntimeError, IndexError)


class Checkpointing:
    """Mixed into the Trainer, whose parts, config, store, run_dir and logger it uses."""

    def state_dict(self) -> dict[str, Any]:
        return trainer_state(self)

    def load_state_dict(self, state: dict[str, Any]) -> None:
        load_trainer_state(self, state)
        for captured in self.captured.values():
            captured.reset()  # the optimisers' state tensors are new ones now

    def save(self) -> None:
        """A checkpoint of the current state; refused (as divergence) if a weight is not
        finite, so no checkpoint on disk ever holds a NaN."""
        if not self.is_main:
            return
        if not finite_weights(self.parts.generator, self.parts.critic):
            raise Diverged("a weight of the nets")
        self.store.save(self.state_dict(), self.steps_done())

    def resume(self) -> Path | None:
        """Continue from the newest checkpoint that loads; logs written after it are dropped.
        A run killed before its first checkpoint starts again from step 0 (with a warning)."""
        if not self.store.candidates():
            warnings.warn(f"{self.run_dir.root} has no checkpoint yet; starting it from step 0",
                          GankitWarning, stacklevel=2)
            path = None
        else:
            path = self.store.load(self.restore, tidy=self.is_main)
        if self.is_main:
            trim_metrics(self.run_dir.metrics, self.steps_done())
            for stale in self.run_dir.root.glob(".*.tmp"):
                stale.unlink(missing_ok=True)
        return path

    def restore(self, state: dict[str, Any], path: Path) -> None:
        check_fingerprint(state, self.fingerprint, path)
        try:
            self.load_state_dict(state)
        except DAMAGED:
            raise DamagedCheckpoint(f"{path} does not fit this run (its contents are damaged)") \
                from None

    def recover(self, event: Diverged) -> None:
        """After a non-finite value: stop with one line, or roll back to the last good checkpoint
        with lower learning rates (on_nan=rollback, at most max_rollbacks times). The n-th
        rollback in a row to the same checkpoint lowers them by rollback_lr_factor**n (backing
        off faster when the last cut was not enough)."""
        config, at = self.config, self.steps_done()
        last = self.store.candidates()
        what = (f"training diverged at step {at}: {event.what} went non-finite first; "
                f"the last good checkpoint is {last[0] if last else 'none'}")
        if config.on_nan == "stop" or self.rollbacks >= config.max_rollbacks or not last:
            raise GankitError(f"{what} (lower the learning rates, or set on_nan=rollback)")
        rollbacks, scale_before, (streak_at, streak) = (self.rollbacks + 1, self.lr_scale,
                                                        self.rollback_streak)
        barrier()  # under torchrun, every rank reads the same newest checkpoint
        path = self.store.load(self.restore, tidy=self.is_main)
        streak = streak + 1 if self.steps_done() == streak_at else 1
        scale = scale_before * config.rollback_lr_factor ** streak
        for name, optimizer in self.parts.optimizers.items():
            if name not in ("d", "g"):  # the game's two follow lr_scale at each round
                for group in optimizer.param_groups:
                    group["lr"] *= scale / self.lr_scale
        self.rollbacks, self.lr_scale = rollbacks, scale
        self.rollback_streak = (self.steps_done(), streak)
        self.guard.flags.clear()
        self.logger.rewind(self.steps_done())
        warnings.warn(f"{what}; rolled back to {path.name} (step {self.steps_done()}) with "
                      f"learning rates x{scale:g} (rollback {rollbacks} of "
                      f"{config.max_rollbacks})", GankitWarning, stacklevel=2)
