"""SeqGAN's discriminator training as the official code does it: per generator step, several
sets of negatives (as many sequences as the training set holds, sampled from the current
generator), each followed by a few epochs of discriminator steps over it.

A set is generated when the previous one is used up, so within a generator step every set comes
from the same generator; the set, its order and the position in it are checkpointed.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import torch
from torch import Tensor, nn

from gankit.core.step import Schedule, StepBatch, TrainingPlan
from gankit.objectives.game import Loss, game

CHUNK = 2000  # sequences sampled at once


class NegativeSets:
    def __init__(self, size: int, batch_size: int, epochs: int) -> None:
        self.size, self.batch_size, self.epochs = size, batch_size, epochs
        self.steps_per_set = epochs * math.ceil(size / batch_size)
        self.tokens: Tensor | None = None
        self.order: Tensor | None = None
        self.used = 0  # discriminator steps taken on the current set

    def next_batch(self, generator: nn.Module, length: int, rng: torch.Generator) -> Tensor:
        """The next batch of negatives, generating a fresh set when the current one is done."""
        if self.tokens is None or self.used == self.steps_per_set:
            self.tokens, self.used = self.generate(generator, length, rng), 0
        step = self.used % math.ceil(self.size / self.batch_size)
        if step == 0:  # a new epoch over the set, in a new order
            self.order = torch.randperm(self.size, generator=rng, device=rng.device)
        self.used += 1
        assert self.order is not None  # drawn at step 0 above, or restored with the set
        index = self.order[step * self.batch_size:(step + 1) * self.batch_size]
        return self.tokens[index.to(self.tokens.device)]

    @torch.no_grad()
    def generate(self, generator: nn.Module, length: int, rng: torch.Generator) -> Tensor:
        z = torch.randn(self.size, length, generator=rng, device=rng.device)
        device = next(generator.parameters()).device
        return torch.cat([generator(part.to(device)) for part in z.split(CHUNK)])

    def state_dict(self) -> dict[str, Any]:
        if self.tokens is None:
            return {}
        return {"tokens": self.tokens, "order": self.order, "used": self.used}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        if state:
            self.tokens, self.order, self.used = state["tokens"], state["order"], int(state["used"])


def drawing_from(negatives: NegativeSets) -> Callable[[StepBatch], StepBatch]:
    """An update's `prepare`: its fakes are the next batch of the current set."""

    def with_negatives(batch: StepBatch) -> StepBatch:
        assert batch.generator is not None  # the engine passes it to every update
        fake = negatives.next_batch(batch.generator, batch.real.shape[1], batch.rng)
        return dataclasses.replace(batch, fake=fake, outputs={})

    return with_negatives


class OfficialSchedule:
    """D's training in the official code: `sets` × (a new set of negatives, `epochs` epochs of D
    steps over it) per generator step, and pre-training on such sets too (its 50 × 3 epochs).
    Each stream of sets is checkpointed with the objective."""

    def __init__(self, sets: int, epochs: int) -> None:
        self.sets, self.epochs = sets, epochs
        self.streams: dict[str, NegativeSets] = {}  # "pretrain_negatives", "negatives"

    def pretraining(self, plan: TrainingPlan) -> dict[str, Any]:
        """The pre-training update's settings: its fakes come from sets of negatives."""
        negatives = self.stream("pretrain_negatives", plan)
        return {"fake": False, "prepare": drawing_from(negatives)}

    def game(self, critic_loss: Loss, generator_loss: Loss, plan: TrainingPlan) -> Schedule:
        negatives = self.stream("negatives", plan)
        critic, generator = game(critic_loss, generator_loss, plan,
                                 critic_times=self.sets * negatives.steps_per_set)
        return [dataclasses.replace(critic, fake=False, prepare=drawing_from(negatives)),
                generator]

    def stream(self, name: str, plan: TrainingPlan) -> NegativeSets:
        assert plan.data_size is not None  # SeqGAN.schedule's steps_per_epoch refused None first
        self.streams[name] = NegativeSets(plan.data_size, plan.batch_size, self.epochs)
        return self.streams[name]

    def state_dict(self) -> dict[str, Any]:
        return {name: sets.state_dict() for name, sets in self.streams.items()}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        for name, sets in self.streams.items():
            sets.load_state_dict(state.get(name, {}))
