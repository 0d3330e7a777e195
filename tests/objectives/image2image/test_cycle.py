"""CycleGAN's wrapper (Zhu et al. 2017, eq. 3), its values by hand: stand-in generators G(x) =
x + 1 and F(y) = y - 0.5, critics scoring an image by 2 x its mean (D_Y) and its mean (D_X), least
squares losses with a = 0, b = c = 1 (gankit's lsgan halves each square)."""

import pytest
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.core.step import CriticOutput, StepBatch, TrainingPlan, sum_parts
from gankit.nets.image2image import TwoSidedCritic, TwoWayGenerator
from gankit.objectives import build_objective
from gankit.objectives.image2image.cycle import identity_terms


class Add(nn.Module):
    def __init__(self, value):
        super().__init__()
        self.value = value

    def forward(self, z, condition):
        return condition + self.value


class MeanScore(nn.Module):
    def __init__(self, scale):
        super().__init__()
        self.scale = scale

    def forward(self, x, condition=None):
        return CriticOutput(self.scale * x.flatten(1).mean(1))


GENERATOR = TwoWayGenerator(Add(1.0), Add(-0.5))
CRITIC = TwoSidedCritic(MeanScore(2.0), MeanScore(1.0))
X, Y = torch.zeros(2, 1, 2, 2), torch.ones(2, 1, 2, 2)  # sources (x) and targets (y)


def updates(**options):
    objective = build_objective("lsgan", {"a": 0.0, "b": 1.0, "c": 1.0},
                                {"cyclegan": {"history": 0, **options}})
    critic, generator = objective.schedule(TrainingPlan(2, 10))
    return objective, critic, generator


def batch(fake, x=X, y=Y):
    return StepBatch(critic=CRITIC, real=y, fake=fake, z=torch.zeros(len(y), 0), round=1,
                     rng=torch.Generator().manual_seed(0), generator=GENERATOR,
                     condition_real=x, condition_fake=x)


def test_generator_parts_and_their_values_by_hand():
    _, _, generator = updates(adversarial=2.0)
    assert [(p.name, p.weight) for p in generator.parts()] == [
        ("objective", 2.0), ("cyclegan/source_adv", 2.0), ("cyclegan/cycle", 10.0),
        ("cyclegan/identity", 5.0)]
    terms = sum_parts(generator.parts(), batch(GENERATOR(None, X)))
    assert {k: v.item() for k, v in terms.losses.items()} == pytest.approx({
        "adv": 2 * 0.5 * (2 * 1 - 1) ** 2,  # D_Y(G(x)) = 2
        "source_adv": 2 * 0.5 * (0.5 - 1) ** 2,  # D_X(F(y)) = 0.5
        "cycle_source": 10 * 0.5,  # |F(G(x)) - x| = |0.5 - 0|
        "cycle_target": 10 * 0.5,  # |G(F(y)) - y| = |1.5 - 1|
        "identity_target": 5 * 1.0,  # |G(y) - y| = |2 - 1|
        "identity_source": 5 * 0.5,  # |F(x) - x| = |-0.5 - 0|
    })


def test_critic_parts_judge_each_domain_by_its_own_critic():
    _, critic, _ = updates()
    assert [p.name for p in critic.parts()] == ["objective", "cyclegan/source_critic"]
    b = critic.prepare(batch(GENERATOR(None, X)))
    terms = sum_parts(critic.parts(), b)
    assert {k: v.item() for k, v in terms.losses.items()} == pytest.approx({
        "real": 0.5 * (2 - 1) ** 2, "fake": 0.5 * 2 ** 2,  # D_Y(y) = 2, D_Y(G(x)) = 2
        "source_real": 0.5 * (0 - 1) ** 2, "source_fake": 0.5 * 0.5 ** 2})  # D_X(x), D_X(F(y))
    assert terms.stats["source_score_fake"].item() == pytest.approx(0.5)


def test_inverse_translation_is_made_once_per_update():
    calls = []

    class Counting(Add):
        def forward(self, z, condition):
            calls.append(condition)
            return super().forward(z, condition)

    generator = TwoWayGenerator(Add(1.0), Counting(-0.5))
    _, _, update = updates(identity=0.0)
    b = batch(generator(None, X))
    b.generator = generator
    sum_parts(update.parts(), b)
    assert len(calls) == 2  # F(y) once for both parts that need it, and F(G(x))


def test_weights_zero_measure_the_adversarial_losses_and_drop_identity():
    _, _, generator = updates(adversarial=0.0, identity=0.0)
    assert [p.name for p in generator.parts()] == [
        "objective", "cyclegan/source_adv", "cyclegan/cycle"]
    terms = sum_parts(generator.parts(), batch(GENERATOR(None, X)))
    assert set(terms.losses) == {"cycle_source", "cycle_target"}
    assert {"adv", "source_adv"} <= set(terms.stats)  # measured, not trained


def test_identity_needs_domains_of_one_shape():
    b = batch(torch.ones(2, 1, 2, 2), x=torch.zeros(2, 3, 2, 2))
    with pytest.raises(GankitError, match="set wrappers.cyclegan.identity=0"):
        identity_terms(b)


def test_state_holds_the_histories_and_loads_back():
    objective, critic, _ = updates(history=4)
    critic.prepare(batch(torch.full((2, 1, 2, 2), 3.0)))
    state = objective.state_dict()
    assert state["history"]["target"]["count"] == 2
    fresh, _, _ = updates(history=4)
    fresh.load_state_dict(state)
    assert fresh.state_dict()["history"]["target"]["images"].equal(
        state["history"]["target"]["images"])
    with pytest.raises(GankitError, match="no CycleGAN state"):
        fresh.load_state_dict({})
