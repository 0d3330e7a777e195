"""The reconstruction wrapper (pix2pix's eq. 4): the generator update gains weight * L1 (or L2)
of each fake against its target, and `adversarial` weighs the objective's own loss."""

import math

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.core.step import CriticOutput, StepBatch, TrainingPlan, sum_parts
from gankit.objectives import build_objective

REAL = [[1.0, -1.0], [0.5, 0.0]]
FAKE = [[0.0, -1.0], [0.5, 1.0]]  # |differences|: 1, 0, 0, 1 -> L1 0.5, L2 0.5


class ZeroScore(torch.nn.Module):
    def forward(self, x, condition=None):
        return CriticOutput(torch.zeros(len(x)))


def batch(real=REAL, fake=FAKE):
    return StepBatch(critic=ZeroScore(), real=torch.tensor(real), fake=torch.tensor(fake),
                     z=torch.zeros(2, 1), round=0, rng=torch.Generator())


def generator_terms(options):
    objective = build_objective("ns", {}, {"reconstruction": options})
    critic, generator = objective.schedule(TrainingPlan(2, 10))
    assert not any(p.name.startswith("reconstruction") for p in critic.parts())
    return generator, sum_parts(generator.parts(), batch())


def test_l1_by_hand_with_pix2pix_weight():
    generator, terms = generator_terms({})
    assert [(p.name, p.weight) for p in generator.parts()] == [
        ("objective", 1.0), ("reconstruction/l1", 100.0)]
    assert terms.losses["l1"].item() == pytest.approx(100 * 0.5)
    assert terms.losses["adv"].item() == pytest.approx(math.log(2))  # softplus(-0)
    assert terms.total().item() == pytest.approx(50 + math.log(2))


def test_l2_by_hand():
    _, terms = generator_terms({"loss": "l2", "weight": 2.0})
    assert terms.losses["l2"].item() == pytest.approx(2.0 * (1 + 0 + 0 + 1) / 4)


def test_adversarial_weight_zero_is_the_plain_autoencoder_and_the_log_says_so():
    generator, terms = generator_terms({"adversarial": 0.0})
    assert ("objective", 0.0) in [(p.name, p.weight) for p in generator.parts()]
    assert list(terms.losses) == ["l1"]  # only the reconstruction trains G
    assert terms.stats["adv"].item() == pytest.approx(math.log(2))  # measured, not trained


def test_the_adversarial_part_can_be_weighted():
    _, terms = generator_terms({"adversarial": 0.01, "weight": 1.0})
    assert terms.losses["adv"].item() == pytest.approx(0.01 * math.log(2))


def test_identical_fakes_cost_nothing():
    objective = build_objective("hinge", {}, {"reconstruction": {}})
    generator = objective.schedule(TrainingPlan(2, 10))[-1]
    terms = sum_parts(generator.parts(), batch(REAL, REAL))
    assert terms.losses["l1"].item() == 0.0


def hole_batch():
    """4x4 targets of 0; fakes 1 in the centre 2x2 hole and 0.5 around it."""
    mask = -torch.ones(1, 1, 4, 4)
    mask[..., 1:3, 1:3] = 1.0
    fake = torch.full((1, 1, 4, 4), 0.5)
    fake[..., 1:3, 1:3] = 1.0
    return StepBatch(critic=ZeroScore(), real=torch.zeros(1, 1, 4, 4), fake=fake,
                     z=torch.zeros(1, 1), round=0, rng=torch.Generator(),
                     condition_real=torch.cat([torch.zeros(1, 1, 4, 4), mask], 1))


@pytest.mark.parametrize("options, name, value", [
    ({"loss": "l2"}, "hole_l2", 1.0),  # the hole alone: 4 pixels of error 1
    # the context encoder's band: 12 pixels of (0.5)^2 weighted 10, over 16 pixels
    ({"loss": "l2", "border": 1}, "hole_l2", (4 * 1 + 12 * 10 * 0.25) / 16),
    ({"loss": "l1", "border": 1, "border_weight": 2.0}, "hole_l1", (4 * 1 + 12 * 2 * 0.5) / 16),
])
def test_the_context_encoders_masked_distance_by_hand(options, name, value):
    objective = build_objective("ns", {}, {"reconstruction": {
        "region": "hole", "weight": 1.0, "adversarial": 0.0, **options}})
    _, generator = objective.schedule(TrainingPlan(1, 10))
    terms = sum_parts(generator.parts(), hole_batch())
    assert list(terms.losses) == [name]
    assert terms.losses[name].item() == pytest.approx(value)


def test_a_border_needs_the_hole_region():
    with pytest.raises(GankitError, match="set region=hole too"):
        build_objective("ns", {}, {"reconstruction": {"border": 2}})
