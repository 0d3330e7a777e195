"""When the trainer does its work between steps: scalars every log.every rounds, previews every
sample_every, checkpoints every checkpoint_every and evaluations when the evaluator is due; before
the game, on each pre-training update's own step count (log.phase_every and
log.phase_checkpoint_every, or the same settings) and at its end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gankit.config.schema import LogConfig
from gankit.core.step import BeforeGame, Update


@dataclass(frozen=True)
class Due:
    flush: bool = False  # write the averaged scalars
    preview: bool = False  # draw the sample grid
    save: bool = False  # write a checkpoint
    evaluate: bool = False  # evaluate the generator


class Cadence:
    def __init__(self, log: LogConfig, evaluation_due: Callable[[int], bool]) -> None:
        self.log, self.evaluation_due = log, evaluation_due

    def after_round(self, rounds: int) -> Due:
        log = self.log
        return Due(flush=rounds % log.every == 0, preview=rounds % log.sample_every == 0,
                   save=rounds % log.checkpoint_every == 0,
                   evaluate=self.evaluation_due(rounds))

    def after_phase_step(self, entry: Update, done: int) -> Due:
        """After the `done`-th step of a before-game update; its generator is evaluated every
        `eval_every` steps (when the run evaluates at all)."""
        log = self.log
        last = entry.when.steps if isinstance(entry.when, BeforeGame) else done
        evaluate = entry.eval_every > 0 and entry.trains == "generator" and (
            done % entry.eval_every == 0 or done == last)
        return Due(flush=done % (log.phase_every or log.every) == 0 or done == last,
                   save=done % (log.phase_checkpoint_every or log.checkpoint_every) == 0
                   or done == last, evaluate=evaluate)
