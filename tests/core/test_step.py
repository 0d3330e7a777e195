"""The step types: schedule entries, terms and the batch's one forward pass per critic input."""

import torch
from torch import nn

from gankit.core.step import (
    BeforeGame,
    CriticOutput,
    Every,
    LossPart,
    PerRound,
    StepBatch,
    Terms,
    Update,
    sum_parts,
)


def test_per_round_counts_a_number_or_a_function_of_the_round():
    assert [PerRound(3).count(r) for r in range(3)] == [3, 3, 3]
    assert [PerRound(lambda r: r + 1).count(r) for r in range(3)] == [1, 2, 3]


def test_an_update_names_its_optimiser():
    loss = lambda batch: Terms()
    assert Update("critic", "critic", loss).optimizer_name() == "d"
    assert Update("generator", "generator", loss).optimizer_name() == "g"
    assert Update("mle", "generator", loss, BeforeGame(5), optimizer="mle").optimizer_name() == "mle"
    assert Update("k", "nothing", loss).optimizer_name() == ""
    assert Update("r1", "critic", loss, Every(16, "critic")).when == Every(16, "critic")


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
                      z=torch.zeros(2, 1), round=0, rng=torch.Generator(), condition_real=labels)
    first = batch.critic_fake()
    assert batch.critic_fake() is first and batch.critic_real().score.tolist() == [3.0, 3.0]
    batch.critic_real()
    assert len(critic.calls) == 2
    assert critic.calls[0] is None and critic.calls[1] is labels


def test_an_update_sums_its_parts_in_order_with_their_weights():
    own = LossPart("objective", lambda b: Terms({"real": torch.tensor(1.0)}, {"s": torch.tensor(5.0)}))
    penalty = LossPart("penalty/gp", lambda b: Terms({"penalty/gp": torch.tensor(0.5)}), 10.0)
    watched = LossPart("acgan/fake", lambda b: Terms({"class_fake": torch.tensor(2.0)},
                                                     {"class_accuracy_fake": torch.tensor(0.5)}),
                       0.0)
    entry = Update("critic", "critic", own.terms).with_parts(penalty, watched)
    assert [p.name for p in entry.parts()] == ["objective", "penalty/gp", "acgan/fake"]
    terms = sum_parts(entry.parts(), None)
    assert list(terms.losses) == ["real", "penalty/gp"]
    assert terms.total().item() == 1.0 + 10.0 * 0.5  # by hand
    # weight 0: measured, not trained: its loss is logged as a statistic after its own
    assert list(terms.stats) == ["s", "class_accuracy_fake", "class_fake"]
    assert terms.stats["class_fake"].item() == 2.0


def test_an_update_of_extra_parts_only_has_no_objective_part():
    penalty = LossPart("penalty/r1", lambda b: Terms({"penalty": torch.tensor(3.0)}), 4.0)
    lazy = Update("lazy_r1", "critic", None, Every(4, "critic"), extra=(penalty,))
    assert [p.name for p in lazy.parts()] == ["penalty/r1"]
    assert sum_parts(lazy.parts(), None).total().item() == 12.0


def test_the_held_batch_stops_the_fakes_gradient_and_is_made_once():
    critic = CountingCritic()
    fake = torch.zeros(2, 3, requires_grad=True)
    batch = StepBatch(critic=critic, real=torch.ones(2, 3), fake=fake, z=torch.zeros(2, 1),
                      round=0, rng=torch.Generator())
    held = batch.held()
    assert held is batch.held() and not held.fake.requires_grad and batch.fake is fake
    held.critic_fake()
    batch.critic_fake()
    assert len(critic.calls) == 2  # each batch its own forward pass
