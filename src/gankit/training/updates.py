"""The one update path: draw what an update needs, sum its loss parts, backpropagate, step its
optimisers, with the divergence checks (eagerly, or as flags inside a recorded CUDA graph)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import torch
from torch import Tensor, nn

from gankit.core.precision import autocast
from gankit.core.step import StepBatch, Terms, Update, sum_parts
from gankit.training.build import Components
from gankit.training.captured import captured_updates
from gankit.training.divergence import DivergenceGuard
from gankit.training.draws import Draws


class UpdateRunner:
    def __init__(self, parts: Components, draws: Draws, guard: DivergenceGuard) -> None:
        self.parts, self.draws, self.guard = parts, draws, guard
        self.params = {"critic": list(parts.critic.parameters()),
                       "generator": list(parts.generator.parameters())}
        self.captured = captured_updates(parts.schedule, parts.optimizers, self.params,
                                         parts.config.cuda_graphs, parts.device)

    def __call__(self, entry: Update, done: dict[str, Terms], round_index: int) -> Terms:
        batch = self.batch_for(entry, done, round_index)
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
        return terms

    def forget_recordings(self) -> None:
        """After the optimisers' state tensors were replaced (a checkpoint loaded)."""
        for captured in self.captured.values():
            captured.reset()

    def apply(self, entry: Update, batch: StepBatch, checks: bool = True,
              cache: bool = True) -> Terms:
        """The entry's loss parts summed on `batch`, then (when it trains) backward and its
        optimiser steps; `checks` looks for a non-finite loss before stepping and non-finite
        gradients."""
        trains = entry.trains != "nothing"
        with self.autocast(cache), torch.set_grad_enabled(trains), self.frozen(entry):
            terms = sum_parts(entry.parts(), batch)
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

    def batch_for(self, entry: Update, done: dict[str, Terms], round_index: int) -> StepBatch:
        p = self.parts
        real, condition_real = self.draws.real(entry.real)
        draws, empty = entry.real != "none" or entry.fake, real[:0]
        z = self.draws.latent() if draws else empty
        condition_fake = self.draws.fake_conditions() if draws else None
        critic, generator = self.nets_for(entry)
        fake = self.generate(generator, z, condition_fake, "generator" in entry.trained()) \
            if entry.fake else empty
        if draws:
            rng = self.draws.rng
            real, fake = p.noise(real, round_index, rng), p.noise(fake, round_index, rng)
        return StepBatch(critic=critic, real=real, fake=fake, z=z, round=round_index,
                         rng=self.draws.rng, generator=generator, condition_real=condition_real,
                         condition_fake=condition_fake, done=done)

    def nets_for(self, entry: Update) -> tuple[nn.Module, nn.Module]:
        """The critic and generator an update calls: the one it trains through its data-parallel
        wrapper (if any), the other as it is."""
        p = self.parts
        trained = entry.trained()
        critic = p.trained.get("critic", p.critic) if "critic" in trained else p.critic
        generator = p.trained.get("generator", p.generator) if "generator" in trained \
            else p.generator
        return critic, generator

    def generate(self, generator: nn.Module, z: Tensor, conditions: Tensor | None,
                 with_grad: bool) -> Tensor:
        with torch.set_grad_enabled(with_grad), self.autocast():
            fake = generator(z, conditions)
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

    def autocast(self, cache: bool = True) -> contextlib.AbstractContextManager:
        return autocast(self.parts.device, self.parts.config.precision, cache)
