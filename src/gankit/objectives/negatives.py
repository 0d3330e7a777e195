"""SeqGAN's discriminator training as the official code does it: per generator step, several
sets of negatives (as many sequences as the training set holds, sampled from the current
generator), each followed by a few epochs of discriminator steps over it.

A set is generated when the previous one is used up, so within a generator step every set comes
from the same generator; the set, its order and the position in it are checkpointed.
"""

from __future__ import annotations

import dataclasses
import math
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


def sets_and_epochs_game(critic_loss: Loss, generator_loss: Loss, plan: TrainingPlan, sets: int,
                         epochs: int) -> tuple[Schedule, NegativeSets]:
    """The game with `sets` × (a new set of negatives, `epochs` epochs of D steps over it) per
    generator step; each D step's fakes are the next batch of the current set."""
    negatives = NegativeSets(plan.data_size, plan.batch_size, epochs)

    def with_negatives(batch: StepBatch) -> StepBatch:
        fake = negatives.next_batch(batch.generator, batch.real.shape[1], batch.rng)
        return dataclasses.replace(batch, fake=fake, outputs={})

    critic, generator = game(critic_loss, generator_loss, plan,
                             critic_times=sets * negatives.steps_per_set)
    return [dataclasses.replace(critic, fake=False, prepare=with_negatives), generator], negatives
