"""The training loop. It knows no particular GAN: the objective's schedule (core.step) says which
updates run and when, and `update` runs any of them.

A run is the schedule's before-game updates in order (each its number of steps), then `steps`
rounds of the game: the per-round updates in order, each update followed by the updates that run
after every k-th of its runs, then the generator's moving average.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import torch
from torch import Tensor, nn

from gankit.core.precision import autocast
from gankit.core.step import BeforeGame, Every, PerRound, StepBatch, Terms, Update
from gankit.training.between_steps import BetweenSteps
from gankit.training.build import Components, fingerprint
from gankit.training.captured import captured_updates
from gankit.training.checkpoint_store import CheckpointStore
from gankit.training.checkpointing import Checkpointing
from gankit.training.distributed import finish
from gankit.training.divergence import Diverged, DivergenceGuard
from gankit.training.draws import Draws
from gankit.training.interrupt import StopRequest
from gankit.training.logger import RunLogger
from gankit.training.periodic_eval import PeriodicEval
from gankit.training.run_dir import RunDir
from gankit.training.schedule import apply_lr, lr_factor


class Trainer(Checkpointing, BetweenSteps):
    def __init__(self, parts: Components, run: RunDir, is_main: bool = True) -> None:
        self.parts, self.config, self.run_dir = parts, parts.config, run
        self.is_main = is_main  # only the main process writes files (torchrun-ready)
        self.step = 0  # rounds of the game done
        self.runs = {entry.name: 0 for entry in parts.schedule}  # times each update has run
        self.draws = Draws(parts.data, self.config.batch_size, self.config.z_dim, parts.device,
                           self.config.seed, parts.class_frequencies, parts.processes)
        self.data_rng, self.rng = self.draws.data_rng, self.draws.rng
        self.classes = 0 if parts.class_frequencies is None else len(parts.class_frequencies)
        self.fingerprint = fingerprint(self.config, parts.data.shape, self.classes)
        self.stopped_early, self.stop_signal = False, ""  # a Ctrl-C or SIGTERM, and which
        self.evaluator = PeriodicEval(self.config, parts.data, run if is_main else None,
                                      parts.device, self.classes)
        self.logger: RunLogger | None = None
        self.last_logged: dict[str, float] = {}  # the latest averages written to metrics.jsonl
        self.guard = DivergenceGuard(parts.device)
        self.params = {"critic": list(parts.critic.parameters()),
                       "generator": list(parts.generator.parameters())}
        folder = run.checkpoints if run is not None else Path(".")
        self.store = CheckpointStore(folder, self.config.log.keep_checkpoints)
        self.lr_scale, self.rollbacks = 1.0, 0  # after divergence rollbacks (on_nan=rollback)
        self.rollback_streak = (-1, 0)  # (step rolled back to, rollbacks to it in a row)
        self.before_game = [e for e in parts.schedule if isinstance(e.when, BeforeGame)]
        self.round = [e for e in parts.schedule if isinstance(e.when, PerRound)]
        self.followers = {e.name: [f for f in parts.schedule
                                   if isinstance(f.when, Every) and f.when.after == e.name]
                          for e in parts.schedule}
        self.captured = captured_updates(parts.schedule, parts.optimizers, self.params,
                                         self.config.cuda_graphs, parts.device)

    # ---- the schedule ----------------------------------------------------------------------

    def train_step(self) -> None:
        """One step of the current before-game update while one is unfinished, else a round."""
        entry = self.current_phase()
        if entry is not None:
            self.run(entry, {})
            return
        self.set_learning_rates()
        done: dict[str, Terms] = {}
        for entry in self.round:
            for _ in range(entry.when.count(self.step)):
                self.run(entry, done)
        if self.parts.ema is not None:
            self.parts.ema.update(self.parts.generator, self.step)
        self.step += 1

    def current_phase(self) -> Update | None:
        return next((e for e in self.before_game if self.runs[e.name] < e.when.steps), None)

    def steps_done(self) -> int:
        """Every step taken so far, before-game steps included."""
        return sum(self.runs[e.name] for e in self.before_game) + self.step

    def total_steps(self) -> int:
        return sum(e.when.steps for e in self.before_game) + self.config.steps

    def run(self, entry: Update, done: dict[str, Terms]) -> None:
        """`entry`, then each update that follows every k-th run of it."""
        done[entry.name] = self.update(entry, done)
        for follower in self.followers[entry.name]:
            if self.runs[entry.name] % follower.when.k == 0:
                self.run(follower, done)

    def update(self, entry: Update, done: dict[str, Terms]) -> Terms:
        """The one update path: draw what the entry needs, compute its loss, step its net."""
        batch = self.batch_for(entry, done)
        if entry.prepare is not None:
            batch = entry.prepare(batch)
        captured = self.captured.get(entry.name)
        if captured is not None:
            terms, flags = captured(batch, lambda b: self.flagged(entry, b))
            self.guard.add(entry.name, flags)
        else:
            terms = self.apply(entry, batch)
        if entry.project is not None and entry.trains != "nothing":
            entry.project(self.net(entry))
        self.runs[entry.name] += 1
        if self.logger is not None:
            self.logger.accumulate(entry.name, terms)
        return terms

    def apply(self, entry: Update, batch: StepBatch, checks: bool = True,
              cache: bool = True) -> Terms:
        """The entry's loss on `batch`, then (when it trains) backward and its optimiser steps;
        `checks` looks for a non-finite loss before stepping and non-finite gradients."""
        trains = entry.trains != "nothing"
        with self.autocast(cache), torch.set_grad_enabled(trains), self.frozen(entry):
            terms = entry.loss(batch)
        if not trains:
            return terms
        if checks:
            self.guard.terms(entry.name, terms)
        optimizers = [self.parts.optimizers[name] for name in entry.optimizer_names()]
        for optimizer in optimizers:
            optimizer.zero_grad(set_to_none=True)
        terms.total().backward()
        if checks:
            for net in entry.trained():
                self.guard.gradients(entry.name, self.params[net])
        for optimizer in optimizers:
            optimizer.step()
        return terms

    def flagged(self, entry: Update, batch: StepBatch) -> tuple[Terms, Tensor]:
        """`apply` for a recorded update: its checks as flags on the device (read at the next
        flush, as every check on a GPU), so the recording holds them too."""
        terms = self.apply(entry, batch, checks=False, cache=False)
        trained = [p for net in entry.trained() for p in self.params[net]]
        return terms, self.guard.step_flags(terms, trained)

    def batch_for(self, entry: Update, done: dict[str, Terms]) -> StepBatch:
        p = self.parts
        real, labels_real = self.draws.real(entry.real)
        draws, empty = entry.real != "none" or entry.fake, real[:0]
        z = self.draws.latent() if draws else empty
        labels_fake = self.draws.fake_labels() if draws else None
        critic, generator = self.nets_for(entry)
        fake = self.generate(generator, z, labels_fake, "generator" in entry.trained()) \
            if entry.fake else empty
        if draws:
            real, fake = p.noise(real, self.step, self.rng), p.noise(fake, self.step, self.rng)
        return StepBatch(critic=critic, real=real, fake=fake, z=z, step=self.step, rng=self.rng,
                         generator=generator, labels_real=labels_real,
                         labels_fake=labels_fake, done=done)

    def nets_for(self, entry: Update) -> tuple[nn.Module, nn.Module]:
        """The critic and generator an update calls: the one it trains through its data-parallel
        wrapper (if any), the other as it is."""
        p = self.parts
        trained = entry.trained()
        critic = p.trained.get("critic", p.critic) if "critic" in trained else p.critic
        generator = p.trained.get("generator", p.generator) if "generator" in trained \
            else p.generator
        return critic, generator

    def generate(self, generator: nn.Module, z: Tensor, labels: Tensor | None,
                 with_grad: bool) -> Tensor:
        with torch.set_grad_enabled(with_grad), self.autocast():
            fake = generator(z, labels)
        return fake if with_grad else fake.detach()

    def net(self, entry: Update) -> nn.Module:
        return self.parts.generator if entry.trains == "generator" else self.parts.critic

    @contextlib.contextmanager
    def frozen(self, entry: Update) -> Iterator[None]:
        """The critic takes no gradient while the generator trains."""
        if entry.trains != "generator":
            yield
            return
        for parameter in self.params["critic"]:
            parameter.requires_grad = False
        try:
            yield
        finally:
            for parameter in self.params["critic"]:
                parameter.requires_grad = True

    def set_learning_rates(self) -> None:
        c = self.config
        factor = lr_factor(c.lr_schedule, self.step, c.steps, c.lr_milestones, c.lr_decay) \
            * self.lr_scale
        apply_lr(self.parts.optimizers["g"], c.g_opt.lr, factor)
        apply_lr(self.parts.optimizers["d"], c.d_opt.lr, factor)

    def autocast(self, cache: bool = True) -> contextlib.AbstractContextManager:
        return autocast(self.parts.device, self.config.precision, cache)

    # ---- the loop --------------------------------------------------------------------------

    def fit(self) -> None:
        """Train to the end of the schedule, logging, previewing and checkpointing on the way."""
        log = self.config.log
        self.logger = RunLogger(self.run_dir, self.total_steps(), self.steps_done(),
                                log.tensorboard, log.progress, enabled=self.is_main,
                                device=self.parts.device)
        clock = (time.perf_counter(), self.steps_done())
        if self.is_main and not self.store.candidates():
            self.save()  # a first checkpoint, so a run killed early resumes and can roll back
        try:
            with StopRequest() as stop:
                while self.steps_done() < self.total_steps() and not stop.requested:
                    phase = self.current_phase()
                    try:
                        self.train_step()
                        self.logger.advance()
                        clock = self.periodic(clock) if phase is None else self.periodic_phase(
                            clock, phase)
                    except Diverged as event:
                        self.recover(event)
                self.stopped_early, self.stop_signal = stop.requested, stop.signal_name
            if self.logger.pending():
                self.flush(clock, self.step, self.noise_level())
            self.save()
            if self.step % log.sample_every != 0:
                self.preview()
        finally:
            self.logger.close()
            self.logger = None
            finish()  # leaves torchrun's process group (nothing to do for one process)
