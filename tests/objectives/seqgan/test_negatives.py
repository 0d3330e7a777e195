"""The official code's discriminator training: sets of negatives, epochs over each, in the
schedule and in NegativeSets."""

import torch
from torch import nn

from gankit.core.step import PerRound, TrainingPlan
from gankit.objectives import build_objective
from gankit.objectives.seqgan.negatives import NegativeSets


def test_the_official_schedule_takes_sets_of_negatives_and_epochs_over_each():
    objective = build_objective("seqgan", {"d_negative_sets": 5, "d_epochs": 3})
    plan = TrainingPlan(batch_size=64, steps=200, data_size=10_000)
    critic = next(e for e in objective.schedule(plan) if e.name == "critic")
    assert isinstance(critic.when, PerRound)
    assert critic.when.count(0) == 5 * 3 * 157 and not critic.fake  # fakes: the stored sets
    pretraining = next(e for e in objective.schedule(plan) if e.name == "pretrain_critic")
    assert pretraining.when.steps == 150 * 157 and not pretraining.fake
    assert pretraining.prepare is not None and objective.official.streams["pretrain_negatives"].steps_per_set == 471
    reduced = build_objective("seqgan", {})
    pretraining = next(e for e in reduced.schedule(plan) if e.name == "pretrain_critic")
    assert pretraining.fake and pretraining.prepare is None  # fresh fakes every step


def test_negative_sets_are_generated_once_per_set_and_walked_in_epochs():
    calls = []

    class Counting(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.Parameter(torch.zeros(1))

        def forward(self, z, labels=None):
            calls.append(len(z))
            return torch.arange(len(z))[:, None].repeat(1, 2) + 100 * len(calls)

    sets = NegativeSets(size=10, batch_size=4, epochs=2)  # 3 steps an epoch, 6 a set
    rng = torch.Generator().manual_seed(0)
    seen = [sets.next_batch(Counting(), 2, rng) for _ in range(12)]
    assert calls == [10, 10]  # a second set after six steps
    first_epoch = torch.cat(seen[:3])[:, 0].sort().values
    assert first_epoch.tolist() == sorted({100 + i for i in range(10)}) and len(first_epoch) == 10
    assert all(int(batch[0, 0]) >= 200 for batch in seen[6:])
