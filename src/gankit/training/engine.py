"""The training loop. It knows no particular GAN: the objective's schedule (core.step) says which
updates run and when, and one update path (updates.py) runs any of them.

A run is the schedule's before-game updates in order (each its number of steps), then `steps`
rounds of the game: the per-round updates in order, each update followed by the updates that run
after every k-th of its runs, then the generator's moving average. Between steps the cadence says
when to log, preview, evaluate and checkpoint.

The trainer composes parts that own their state: `state` (rounds, each update's runs,
rollbacks), `draws` (the random streams), `updates` (the update path and its recorded graphs),
`checkpoints`, `rollback`, `evaluator` and `cadence`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from torch import nn

from gankit.core.step import BeforeGame, Every, PerRound, Terms, Update
from gankit.training.build import Components, fingerprint
from gankit.training.cadence import Cadence, Due
from gankit.training.checkpoints.checkpointer import Checkpointer
from gankit.training.distributed import finish
from gankit.training.divergence import Diverged, DivergenceGuard
from gankit.training.draws import Draws
from gankit.training.evaluation.periodic import PeriodicEval
from gankit.training.interrupt import StopRequest
from gankit.training.learning_rate import apply_lr, lr_factor
from gankit.training.logger import RunLogger
from gankit.training.previews import write_preview
from gankit.training.recovery import Rollback
from gankit.training.run_dir import RunDir
from gankit.training.state import TrainerState
from gankit.training.updates import UpdateRunner


class Trainer:
    def __init__(self, parts: Components, run: RunDir, is_main: bool = True) -> None:
        self.parts, self.config, self.run_dir = parts, parts.config, run
        self.is_main = is_main  # only the main process writes files (torchrun-ready)
        self.state = TrainerState(runs={entry.name: 0 for entry in parts.schedule})
        self.draws = Draws(parts.data, self.config.batch_size, self.config.z_dim, parts.device,
                           self.config.seed, parts.class_frequencies, parts.processes,
                           sources=parts.source_shape is not None)
        self.classes = 0 if parts.class_frequencies is None else len(parts.class_frequencies)
        self.guard = DivergenceGuard(parts.device)
        self.updates = UpdateRunner(parts, self.draws, self.guard)
        self.checkpoints = Checkpointer(parts, self.state, self.draws,
                                        fingerprint(self.config, parts.data.shape, self.classes,
                                                    parts.source_shape),
                                        run, is_main, self.updates.forget_recordings)
        self.rollback = Rollback(self.config, self.checkpoints, self.state, parts.optimizers,
                                 self.guard)
        self.evaluator = PeriodicEval(self.config, parts.data, run if is_main else None,
                                      parts.device, self.classes)
        self.cadence = Cadence(self.config.log, self.evaluator.due)
        self.logger: RunLogger | None = None
        self.last_logged: dict[str, float] = {}  # the latest averages written to metrics.jsonl
        self.clock = (time.perf_counter(), 0)  # (time, steps done) of the last scalar line
        self.stopped_early, self.stop_signal = False, ""  # a Ctrl-C or SIGTERM, and which
        self.before_game = [e for e in parts.schedule if isinstance(e.when, BeforeGame)]
        self.per_round = [e for e in parts.schedule if isinstance(e.when, PerRound)]
        self.followers = {e.name: [f for f in parts.schedule
                                   if isinstance(f.when, Every) and f.when.after == e.name]
                          for e in parts.schedule}

    # ---- the schedule ----------------------------------------------------------------------

    def train_step(self) -> None:
        """One step of the current before-game update while one is unfinished, else a round."""
        entry = self.current_phase()
        if entry is not None:
            self.run_update(entry, {})
            return
        self.set_learning_rates()
        done: dict[str, Terms] = {}
        for entry in self.per_round:
            assert isinstance(entry.when, PerRound)
            for _ in range(entry.when.count(self.state.rounds)):
                self.run_update(entry, done)
        if self.parts.ema is not None:
            self.parts.ema.track(self.parts.generator, self.state.rounds)
        self.state.rounds += 1

    def current_phase(self) -> Update | None:
        return next((e for e in self.before_game if self.state.runs[e.name] < phase_steps(e)),
                    None)

    def steps_done(self) -> int:
        """Every step taken so far, before-game steps included."""
        return sum(self.state.runs[e.name] for e in self.before_game) + self.state.rounds

    def total_steps(self) -> int:
        return sum(phase_steps(e) for e in self.before_game) + self.config.steps

    def run_update(self, entry: Update, done: dict[str, Terms]) -> None:
        """`entry`, then each update that follows every k-th run of it."""
        done[entry.name] = terms = self.updates(entry, done, self.state.rounds)
        self.state.runs[entry.name] += 1
        if self.logger is not None:
            self.logger.accumulate(entry.name, terms)
        for follower in self.followers[entry.name]:
            assert isinstance(follower.when, Every)
            if self.state.runs[entry.name] % follower.when.k == 0:
                self.run_update(follower, done)

    def set_learning_rates(self) -> None:
        c = self.config
        factor = lr_factor(c.lr_schedule, self.state.rounds, c.steps, c.lr_milestones,
                           c.lr_decay) * self.state.lr_scale
        apply_lr(self.parts.optimizers["g"], c.g_opt.lr, factor)
        apply_lr(self.parts.optimizers["d"], c.d_opt.lr, factor)

    # ---- between steps ---------------------------------------------------------------------

    def between_steps(self, phase: Update | None) -> None:
        if phase is None:
            self.carry_out(self.cadence.after_round(self.state.rounds), self.state.rounds)
        else:
            done = self.state.runs[phase.name]
            self.carry_out(self.cadence.after_phase_step(phase, done), done, phase)

    def carry_out(self, due: Due, step: int, phase: Update | None = None) -> None:
        if due.flush:
            self.flush(step, phase)
        if due.preview:
            self.preview()
        if due.save:
            self.save()
        if due.evaluate:
            assert self.logger is not None  # fit() makes it before any step
            if phase is None:
                self.evaluator(step, self.sampling_generator(), self.logger, self.state_dict)
            else:
                self.evaluator.during_phase(phase.name, step, self.sampling_generator(),
                                            self.logger)

    def flush(self, step: int, phase: Update | None = None) -> None:
        """The averaged scalars of the steps since the last line, with the steps per second."""
        assert self.logger is not None
        self.guard.raise_pending()
        now, done = time.perf_counter(), self.steps_done()
        rate = (done - self.clock[1]) / max(now - self.clock[0], 1e-9)
        rate_key = f"{phase.name}/steps_per_s" if phase is not None else "steps_per_s"
        extra = self.noise_level() if phase is None else {}
        self.last_logged = self.logger.flush_scalars(step, extra | {rate_key: rate})
        self.clock = (now, done)

    def noise_level(self) -> dict[str, float]:
        if self.config.instance_noise.std <= 0:
            return {}
        return {"instance_noise_std": self.parts.noise.std_at(self.state.rounds)}

    def sampling_generator(self) -> nn.Module:
        return self.parts.ema.model if self.parts.ema is not None else self.parts.generator

    def preview(self) -> None:
        if self.is_main:
            write_preview(self.parts.data, self.sampling_generator(), self.config,
                          self.state.rounds, self.run_dir.samples, self.logger, self.classes)

    # ---- checkpoints -----------------------------------------------------------------------

    def state_dict(self) -> dict[str, Any]:
        return self.checkpoints.contents()

    def load_state_dict(self, contents: dict[str, Any]) -> None:
        self.checkpoints.restore(contents)

    def save(self) -> None:
        self.checkpoints.save(self.steps_done())

    def resume(self) -> Path | None:
        return self.checkpoints.resume(self.steps_done)

    # ---- the loop --------------------------------------------------------------------------

    def fit(self) -> None:
        """Train to the end of the schedule, logging, previewing and checkpointing on the way."""
        log = self.config.log
        self.logger = RunLogger(self.run_dir, self.total_steps(), self.steps_done(),
                                log.tensorboard, log.progress, enabled=self.is_main,
                                device=self.parts.device)
        self.clock = (time.perf_counter(), self.steps_done())
        if self.is_main and not self.checkpoints.store.candidates():
            self.save()  # a first checkpoint, so a run killed early resumes and can roll back
        try:
            with StopRequest() as stop:
                while self.steps_done() < self.total_steps() and not stop.requested:
                    phase = self.current_phase()
                    try:
                        self.train_step()
                        self.logger.advance()
                        self.between_steps(phase)
                    except Diverged as event:
                        self.rollback(event, self.steps_done, self.logger)
                self.stopped_early, self.stop_signal = stop.requested, stop.signal_name
            if self.logger.pending():
                self.flush(self.state.rounds)
            self.save()
            if self.state.rounds % log.sample_every != 0:
                self.preview()
        finally:
            self.logger.close()
            self.logger = None
            finish()  # leaves torchrun's process group (nothing to do for one process)


def phase_steps(entry: Update) -> int:
    assert isinstance(entry.when, BeforeGame)
    return entry.when.steps
