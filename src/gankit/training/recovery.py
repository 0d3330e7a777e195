"""After a non-finite value (training.divergence): stop with one line, or roll back to the last
good checkpoint with lower learning rates (on_nan=rollback, at most max_rollbacks times). The
n-th rollback in a row to the same checkpoint lowers them by rollback_lr_factor**n (backing off
faster when the last cut was not enough)."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import torch

from gankit.config.schema import Config
from gankit.core.errors import GankitError, GankitWarning
from gankit.training.checkpoints.checkpointer import Checkpointer
from gankit.training.distributed import barrier
from gankit.training.divergence import Diverged, DivergenceGuard
from gankit.training.logger import RunLogger
from gankit.training.state import TrainerState

GAME_OPTIMIZERS = ("d", "g")  # they follow state.lr_scale at each round (learning_rate.py)


class Rollback:
    def __init__(self, config: Config, checkpointer: Checkpointer, state: TrainerState,
                 optimizers: dict[str, torch.optim.Optimizer], guard: DivergenceGuard) -> None:
        self.config, self.checkpointer, self.state = config, checkpointer, state
        self.optimizers, self.guard = optimizers, guard

    def __call__(self, event: Diverged, steps_done: Callable[[], int], logger: RunLogger) -> None:
        config, state, at = self.config, self.state, steps_done()
        last = self.checkpointer.store.candidates()
        what = (f"training diverged at step {at}: {event.what} went non-finite first; "
                f"the last good checkpoint is {last[0] if last else 'none'}")
        if config.on_nan == "stop" or state.rollbacks >= config.max_rollbacks or not last:
            raise GankitError(f"{what} (lower the learning rates, or set on_nan=rollback)")
        rollbacks, scale_before, (streak_at, streak) = (state.rollbacks + 1, state.lr_scale,
                                                        state.rollback_streak)
        barrier()  # under torchrun, every rank reads the same newest checkpoint
        path = self.checkpointer.load_newest()
        streak = streak + 1 if steps_done() == streak_at else 1
        scale = scale_before * config.rollback_lr_factor ** streak
        self.scale_own_optimizers(scale / state.lr_scale)
        state.rollbacks, state.lr_scale = rollbacks, scale
        state.rollback_streak = (steps_done(), streak)
        self.guard.flags.clear()
        logger.rewind(steps_done())
        warnings.warn(f"{what}; rolled back to {path.name} (step {steps_done()}) with "
                      f"learning rates x{scale:g} (rollback {rollbacks} of "
                      f"{config.max_rollbacks})", GankitWarning, stacklevel=3)

    def scale_own_optimizers(self, factor: float) -> None:
        """Updates' own optimisers take the cut now; the game's two take it at the next round."""
        for name, optimizer in self.optimizers.items():
            if name not in GAME_OPTIMIZERS:
                for group in optimizer.param_groups:
                    group["lr"] *= factor
