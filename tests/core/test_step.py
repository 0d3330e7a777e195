"""The step types: schedule entries, terms and the batch's one forward pass per critic input."""

import torch
from torch import nn

from gankit.core.step import (
    BeforeGame,
    CriticOutput,
    Every,
    PerRound,
    StepBatch,
    Terms,
    Update,
)


def test_per_round_counts_a_number_or_a_function_of_the_round():
    assert [PerRound(3).count(r) for r in range(3)] == [3, 3, 3]
    assert [PerRound(lambda r: r + 1).count(r) for r in range(3)] == [1, 2, 3]


def test_an_update_names_its_optimiser():
    loss = lambda batch: Terms()
    assert Update("d", "critic", loss).optimizer_name() == "d"
    assert Update("g", "generator", loss).optimizer_name() == "g"
    assert Update("mle", "generator", loss, BeforeGame(5), optimizer="mle").optimizer_name() == "mle"
    assert Update("k", "nothing", loss).optimizer_name() == ""
    assert Update("r1", "critic", loss, Every(16, "d")).when == Every(16, "d")


def test_terms_total_sums_losses_not_stats():
    terms = Terms({"a": torch.tensor(1.5), "b": torch.tensor(2.0)}, {"s": torch.tensor(9.0)})
    assert terms.total().item() == 3.5
    assert Terms().total().item() == 0.0
    merged = terms.merge(Terms({"c": torch.tensor(1.0)}))
    assert set(merged.losses) == {"a", "b", "c"} and set(merged.stats) == {"s"}


class CountingCritic(nn.Module):
    def __init__(self):
        super().__init__()
        self.calls = []

    def forward(self, x, labels=None):
        self.calls.append(labels)
        return CriticOutput(x.sum(dim=1))


def test_the_batch_runs_the_critic_once_per_input_with_its_labels():
    critic = CountingCritic()
    labels = torch.tensor([1, 0])
    batch = StepBatch(critic=critic, real=torch.ones(2, 3), fake=torch.zeros(2, 3),
                      z=torch.zeros(2, 1), round=0, rng=torch.Generator(), labels_real=labels)
    first = batch.critic_fake()
    assert batch.critic_fake() is first and batch.critic_real().score.tolist() == [3.0, 3.0]
    batch.critic_real()
    assert len(critic.calls) == 2
    assert critic.calls[0] is None and critic.calls[1] is labels
