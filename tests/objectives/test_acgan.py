"""AC-GAN's class loss (Odena et al. 2017, eq. 2) joins both players' updates, by hand."""

import math

import pytest
import torch
from torch import nn

from gankit.core.step import CriticOutput, StepBatch, TrainingPlan, sum_parts
from gankit.objectives import build_objective


class FixedLogits(nn.Module):
    """Scores 0 and class logits [log 3, 0] for every sample: P(class 0) = 3/4."""

    def forward(self, x, labels=None):
        logits = torch.tensor([[math.log(3.0), 0.0]]).expand(len(x), 2)
        return CriticOutput(torch.zeros(len(x)), class_logits=logits)


def batch():
    return StepBatch(critic=FixedLogits(), real=torch.zeros(2, 1), fake=torch.zeros(2, 1),
                     z=torch.zeros(2, 1), round=0, rng=torch.Generator(),
                     condition_real=torch.tensor([0, 0]), condition_fake=torch.tensor([0, 1]))


def terms(entry):
    return sum_parts(entry.parts(), batch())


def losses(weight):
    objective = build_objective("ns", {}, {"acgan": {"weight": weight}})
    critic, generator = objective.schedule(TrainingPlan(2, 10))
    return terms(critic), terms(generator)


def test_class_losses_by_hand():
    critic, generator = losses(0.5)
    real = -math.log(3 / 4)  # both real samples are class 0
    fake = (-math.log(3 / 4) - math.log(1 / 4)) / 2  # fakes drawn for classes 0 and 1
    assert critic.losses["class_real"].item() == pytest.approx(0.5 * real)
    assert critic.losses["class_fake"].item() == pytest.approx(0.5 * fake)
    assert generator.losses["class_fake"].item() == pytest.approx(0.5 * fake)
    assert "class_real" not in generator.losses
    assert critic.stats["class_accuracy_fake"].item() == pytest.approx(0.5)
    # The adversarial terms are the plain objective's: softplus(0) each.
    assert critic.losses["real"].item() == pytest.approx(math.log(2))


def test_weight_zero_keeps_the_classifier_measured_only():
    critic, _ = losses(0.0)
    assert "class_real" not in critic.losses
    assert critic.stats["class_real"].item() == pytest.approx(-math.log(3 / 4))
    assert critic.stats["class_accuracy_real"].item() == 1.0


def test_a_critic_that_learns_real_classes_only():
    objective = build_objective("ns", {}, {"acgan": {"weight": 0.5, "critic_fakes": False}})
    critic, generator = objective.schedule(TrainingPlan(2, 10))
    measured = terms(critic)
    assert "class_real" in measured.losses and "class_fake" not in measured.losses
    assert measured.stats["class_fake"].item() == pytest.approx(
        (-math.log(3 / 4) - math.log(1 / 4)) / 2)
    assert "class_fake" in terms(generator).losses  # the generator still learns them


def test_the_parts_are_named_and_weighted():
    critic, generator = build_objective("ns", {}, {"acgan": {"weight": 0.5}}).schedule(
        TrainingPlan(2, 10))
    assert [(p.name, p.weight) for p in critic.parts()] == [
        ("objective", 1.0), ("acgan/real", 0.5), ("acgan/fake", 0.5)]
    assert [(p.name, p.weight) for p in generator.parts()] == [
        ("objective", 1.0), ("acgan/fake", 0.5)]
