"""The training loop: n_critic critic steps, then one generator step. It knows no particular GAN;
objectives and penalties supply every loss term."""

from __future__ import annotations

import time
from typing import Any

import torch
from torch import Tensor

from gankit.core.io import write_text_atomic
from gankit.core.precision import autocast
from gankit.objectives.base import Phase, Probe, StepBatch, Terms
from gankit.training.build import Components, fingerprint, heldout_source
from gankit.training.checkpoint import load_checkpoint, save_checkpoint
from gankit.training.interrupt import StopRequest
from gankit.training.logger import RunLogger
from gankit.training.optim import make_optimizer
from gankit.training.periodic_eval import PeriodicEval
from gankit.training.run_dir import RunDir
from gankit.training.sampling import evaluation_mode, latent_batch, picture, sample_generator
from gankit.training.schedule import apply_lr, lr_factor
from gankit.viz.grid import save_png


class Trainer:
    def __init__(self, parts: Components, run: RunDir, is_main: bool = True) -> None:
        self.parts = parts
        self.config = parts.config
        self.run_dir = run
        self.is_main = is_main  # only the main process writes files (torchrun-ready)
        self.step = 0
        seed = self.config.seed
        self.data_rng = torch.Generator().manual_seed(seed)
        self.rng = torch.Generator(device=parts.device).manual_seed(seed + 1)
        self.fingerprint = fingerprint(self.config, parts.data.shape)
        self.stopped_early = False
        self.evaluator = PeriodicEval(self.config, parts.data, run if is_main else None,
                                      parts.device)
        self.phases = parts.objective.phases()
        self.phase_steps = {phase.name: 0 for phase in self.phases}
        self.probe: Probe | None = None  # built on first use
        self.phase_optimizers = {phase.name: self._new_optimizer(phase) for phase in self.phases
                                 if phase.own_optimizer}

    # ---- one step -------------------------------------------------------------------------

    def train_step(self) -> dict[str, float]:
        """One step: of the current pre-training phase while one is unfinished, else of the game."""
        phase = self.current_phase()
        if phase is not None:
            return self.phase_step(phase)
        return self.game_step()

    def current_phase(self) -> Phase | None:
        return next((p for p in self.phases if self.phase_steps[p.name] < p.steps), None)

    def steps_done(self) -> int:
        """Every step taken so far, pre-training phases included."""
        return sum(self.phase_steps.values()) + self.step

    def total_steps(self) -> int:
        return sum(phase.steps for phase in self.phases) + self.config.steps

    def phase_step(self, phase: Phase) -> dict[str, float]:
        """One update of the net the phase trains, with the phase's loss."""
        p = self.parts
        real = p.data.sample(self.config.batch_size, self.data_rng).to(p.device)
        z = self._latent()
        fake = real[:0]
        if phase.needs_fake:
            with torch.no_grad(), self._autocast():
                fake = p.generator(z)
        with self._autocast(), torch.set_grad_enabled(phase.trains != "nothing"):
            terms = phase.loss(self._batch(real, fake.detach(), z))
        if phase.trains != "nothing":
            optimizer = self._phase_optimizer(phase)
            optimizer.zero_grad(set_to_none=True)
            terms.total().backward()
            optimizer.step()
        if phase.trains == "critic":
            p.objective.after_critic_step(p.critic)
        self.phase_steps[phase.name] += 1
        return terms.scalars(phase.name) | {f"{phase.name}/loss": float(terms.total().detach())}

    def _phase_optimizer(self, phase: Phase) -> torch.optim.Optimizer:
        if phase.name in self.phase_optimizers:
            return self.phase_optimizers[phase.name]
        return self.parts.d_opt if phase.trains == "critic" else self.parts.g_opt

    def _new_optimizer(self, phase: Phase) -> torch.optim.Optimizer:
        """An optimizer of the phase's own, with the settings of the net it trains."""
        p = self.parts
        if phase.trains == "critic":
            return make_optimizer(self.config.d_opt, p.critic.parameters())
        return make_optimizer(self.config.g_opt, p.generator.parameters())

    def game_step(self) -> dict[str, float]:
        """n_critic critic updates, then one generator update."""
        self._set_learning_rates()
        critic_terms, real = [], None
        for _ in range(self.config.n_critic):
            terms, real = self.critic_step()
            critic_terms.append(terms)
        generator_terms = self.generator_step(real)
        self.parts.objective.after_generator_step(critic_terms[-1], generator_terms)
        if self.parts.ema is not None:
            self.parts.ema.update(self.parts.generator, self.step)
        self.step += 1
        scalars = critic_terms[-1].scalars("d") | generator_terms.scalars("g")
        scalars["d/loss"] = sum(float(t.total().detach()) for t in critic_terms) / len(critic_terms)
        scalars["g/loss"] = float(generator_terms.total().detach())
        return scalars

    def critic_step(self) -> tuple[Terms, Tensor]:
        """One critic update; returns its terms and the real batch (the generator step reuses it)."""
        p = self.parts
        real = p.data.sample(self.config.batch_size, self.data_rng).to(p.device)
        z = self._latent()
        with torch.no_grad(), self._autocast():
            fake = p.generator(z)
        batch = self._batch(real, fake.detach(), z)
        with self._autocast():
            terms = p.objective.critic_loss(batch)
            for item in p.penalties:
                terms.losses[f"penalty/{item.name}"] = item.weight * item.penalty(batch).float()
        p.d_opt.zero_grad(set_to_none=True)
        terms.total().backward()
        p.d_opt.step()
        p.objective.after_critic_step(p.critic)
        return terms, real

    def generator_step(self, real: Tensor) -> Terms:
        p = self.parts
        z = self._latent()
        p.critic.requires_grad_(False)
        try:
            with self._autocast():
                fake = p.generator(z)
                terms = p.objective.generator_loss(self._batch(real, fake, z))
            p.g_opt.zero_grad(set_to_none=True)
            terms.total().backward()
            p.g_opt.step()
        finally:
            p.critic.requires_grad_(True)
        return terms

    def _set_learning_rates(self) -> None:
        factor = lr_factor(self.config.lr_schedule, self.step, self.config.steps)
        apply_lr(self.parts.g_opt, self.config.g_opt.lr, factor)
        apply_lr(self.parts.d_opt, self.config.d_opt.lr, factor)

    def _batch(self, real: Tensor, fake: Tensor, z: Tensor) -> StepBatch:
        noise = self.parts.noise
        return StepBatch(critic=self.parts.critic, real=noise(real, self.step, self.rng),
                         fake=noise(fake, self.step, self.rng), z=z, step=self.step, rng=self.rng,
                         generator=self.parts.generator)

    def _latent(self) -> Tensor:
        return torch.randn(self.config.batch_size, self.config.z_dim, generator=self.rng,
                           device=self.parts.device)

    def _autocast(self):
        return autocast(self.parts.device, self.config.precision)

    # ---- the loop --------------------------------------------------------------------------

    def fit(self) -> None:
        """Train until config.steps, logging, previewing and checkpointing along the way."""
        log = self.config.log
        logger = RunLogger(self.run_dir, self.total_steps(), self.steps_done(), log.tensorboard,
                           log.progress, enabled=self.is_main)
        clock = (time.perf_counter(), self.steps_done())
        try:
            with StopRequest() as stop:
                while self.steps_done() < self.total_steps() and not stop.requested:
                    phase = self.current_phase()
                    logger.accumulate(self.train_step())
                    logger.advance()
                    if phase is None:
                        clock = self._periodic(logger, clock)
                    else:
                        clock = self._periodic_phase(logger, clock, phase)
                self.stopped_early = stop.requested
            self.save()
            if self.step % self.config.log.sample_every != 0:
                self.preview(logger)
        finally:
            logger.close()

    def _periodic(self, logger: RunLogger, clock: tuple[float, int]) -> tuple[float, int]:
        log = self.config.log
        if self.step % log.every == 0:
            clock = self._flush(logger, clock, self.step, self.diagnostics())
        if self.step % log.sample_every == 0:
            self.preview(logger)
        if self.step % log.checkpoint_every == 0:
            self.save()
        if self.evaluator.due(self.step):
            self.evaluator(self.step, self.sampling_generator(), logger, self.state_dict)
        return clock

    def _periodic_phase(self, logger: RunLogger, clock: tuple[float, int],
                        phase: Phase) -> tuple[float, int]:
        """Scalars every log.every steps of the phase and at its end; checkpoints likewise."""
        done, log = self.phase_steps[phase.name], self.config.log
        if done % log.every == 0 or done == phase.steps:
            clock = self._flush(logger, clock, done, {}, rate_key=f"{phase.name}/steps_per_s")
        if done % log.checkpoint_every == 0 or done == phase.steps:
            self.save()
        due = phase.eval_every > 0 and (done % phase.eval_every == 0 or done == phase.steps)
        if due and phase.trains == "generator":
            self.evaluator.during_phase(phase.name, done, self.sampling_generator(), logger)
        return clock

    def _flush(self, logger: RunLogger, clock: tuple[float, int], step: int,
               extra: dict[str, float], rate_key: str = "steps_per_s") -> tuple[float, int]:
        now, done = time.perf_counter(), self.steps_done()
        rate = (done - clock[1]) / max(now - clock[0], 1e-9)
        logger.flush_scalars(step, extra | {rate_key: rate})
        return now, done

    def diagnostics(self) -> dict[str, float]:
        values = {f"state/{k}": float(v) for k, v in self.parts.objective.state_dict().items()
                  if isinstance(v, (int, float)) or (torch.is_tensor(v) and v.numel() == 1)}
        if self.config.instance_noise.std > 0:
            values["instance_noise_std"] = self.parts.noise.std_at(self.step)
        if self.parts.objective.probe_size > 0:
            values |= {f"diag/{k}": float(v) for k, v in self.probe_diagnostics().items()}
        return values

    def probe_diagnostics(self) -> dict[str, Tensor]:
        p, size = self.parts, self.parts.objective.probe_size
        if self.probe is None:
            real = heldout_source(self.config).sample(size, torch.Generator().manual_seed(
                self.config.seed + 3))
            z = latent_batch(size, self.config.z_dim, self.config.seed + 4, p.device)
            self.probe = Probe(real.to(p.device), z)
        generator = self.sampling_generator()
        with torch.no_grad(), evaluation_mode(generator, p.critic):
            return p.objective.diagnostics(generator, p.critic, self.probe)

    # ---- samples ---------------------------------------------------------------------------

    def sampling_generator(self) -> torch.nn.Module:
        return self.parts.ema.model if self.parts.ema is not None else self.parts.generator

    def preview(self, logger: RunLogger) -> None:
        if not self.is_main:
            return
        if self.parts.data.kind == "tokens":
            self.preview_tokens(logger)
            return
        points = self.parts.data.kind == "points"
        n = self.config.log.n_points if points else self.config.log.n_samples
        samples = sample_generator(self.sampling_generator(), self.config.z_dim, n,
                                   self.config.seed + 2)
        reference = getattr(self.parts.data, "centers", None) if points else None
        pic = picture(samples, reference)
        save_png(pic, self.run_dir.samples / f"step_{self.step:07d}.png", scale=1 if points else 2)
        logger.image("samples", pic, self.step)

    def preview_tokens(self, logger: RunLogger) -> None:
        """The first log.n_samples sequences at the fixed seed, as text lines."""
        tokens = sample_generator(self.sampling_generator(), self.config.z_dim,
                                  self.config.log.n_samples, self.config.seed + 2)
        text = "\n".join(self.parts.data.decode(tokens)) + "\n"
        write_text_atomic(self.run_dir.samples / f"step_{self.step:07d}.txt", text)
        logger.text("samples", text, self.step)

    # ---- checkpoints -----------------------------------------------------------------------

    def state_dict(self) -> dict[str, Any]:
        p = self.parts
        return {
            "fingerprint": self.fingerprint,
            "step": self.step,
            "steps": self.config.steps,  # the run's length, extensions included
            "generator": p.generator.state_dict(),
            "critic": p.critic.state_dict(),
            "generator_ema": p.ema.model.state_dict() if p.ema is not None else None,
            "g_opt": p.g_opt.state_dict(),
            "d_opt": p.d_opt.state_dict(),
            "objective": p.objective.state_dict(),
            "phases": dict(self.phase_steps),
            "phase_optimizers": {k: o.state_dict() for k, o in self.phase_optimizers.items()},
            "data": p.data.state_dict(),
            "data_kind": p.data.kind,
            "rng": {"data": self.data_rng.get_state(), "train": self.rng.get_state(),
                    "torch": torch.get_rng_state()},
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        p = self.parts
        p.generator.load_state_dict(state["generator"])
        p.critic.load_state_dict(state["critic"])
        if p.ema is not None and state["generator_ema"] is not None:
            p.ema.model.load_state_dict(state["generator_ema"])
        p.g_opt.load_state_dict(state["g_opt"])
        p.d_opt.load_state_dict(state["d_opt"])
        p.objective.load_state_dict(state["objective"])
        self.phase_steps.update({k: int(v) for k, v in state.get("phases", {}).items()
                                 if k in self.phase_steps})
        for name, optimizer_state in state.get("phase_optimizers", {}).items():
            if name in self.phase_optimizers:
                self.phase_optimizers[name].load_state_dict(optimizer_state)
        p.data.load_state_dict(state["data"])
        self.data_rng.set_state(state["rng"]["data"])
        self.rng.set_state(state["rng"]["train"])
        torch.set_rng_state(state["rng"]["torch"])
        self.step = int(state["step"])

    def save(self) -> None:
        if self.is_main:
            save_checkpoint(self.run_dir.checkpoint, self.state_dict())

    def resume(self) -> None:
        self.load_state_dict(load_checkpoint(self.run_dir.checkpoint, self.fingerprint))
