"""RaSGAN (Jolicoeur-Martineau 2019, section 4.2) by hand: each side judged against the other
side's batch average, for the critic and (reversed) for the generator."""

import math

import pytest
import torch

from gankit.objectives import build_objective

REAL = [1.0, 3.0]  # mean 2
FAKE = [-1.0, 0.0, 4.0]  # mean 1 (a batch of fakes may differ in size in this test)


def softplus(x: float) -> float:
    return math.log1p(math.exp(x))


def mean(values):
    return sum(values) / len(values)


def test_critic_loss_by_hand(batch):
    terms = build_objective("ragan", {}).critic_loss(batch([[r] for r in REAL],
                                                           [[f] for f in FAKE]))
    # -log sigma(C_r - mean C_f) and -log(1 - sigma(C_f - mean C_r))
    assert terms.losses["real"].item() == pytest.approx(mean([softplus(-(r - 1)) for r in REAL]))
    assert terms.losses["fake"].item() == pytest.approx(mean([softplus(f - 2) for f in FAKE]))


def test_generator_loss_is_the_critics_reversed(batch):
    terms = build_objective("ragan", {}).generator_loss(batch([[r] for r in REAL],
                                                              [[f] for f in FAKE]))
    assert terms.losses["fake"].item() == pytest.approx(mean([softplus(-(f - 2)) for f in FAKE]))
    assert terms.losses["real"].item() == pytest.approx(mean([softplus(r - 1) for r in REAL]))


def test_patch_scores_average_per_patch_over_the_batch():
    from gankit.core.step import CriticOutput, StepBatch
    from gankit.objectives.relativistic import RelativisticAverage

    class PatchScores(torch.nn.Module):
        def forward(self, x, condition=None):
            return CriticOutput(x.flatten(1))

    real, fake = torch.tensor([[0.0, 4.0], [2.0, 0.0]]), torch.tensor([[1.0, 1.0], [1.0, 3.0]])
    batch = StepBatch(critic=PatchScores(), real=real, fake=fake, z=torch.zeros(2, 1),
                      round=0, rng=torch.Generator())
    terms = RelativisticAverage().critic_loss(batch)
    fake_mean = [1.0, 2.0]  # per patch
    expected = mean([softplus(-(real[i, p].item() - fake_mean[p])) for i in range(2)
                     for p in range(2)])
    assert terms.losses["real"].item() == pytest.approx(expected)


def test_rsgan_pairs_real_i_with_fake_i_by_hand(batch):
    real, fake = [1.0, 3.0], [-1.0, 4.0]
    objective = build_objective("rsgan", {})
    critic = objective.critic_loss(batch([[r] for r in real], [[f] for f in fake]))
    # -log sigma(C(x_r) - C(x_f)), eq. 5: differences 2 and -1
    assert critic.losses["pair"].item() == pytest.approx(mean([softplus(-2), softplus(1)]))
    generator = objective.generator_loss(batch([[r] for r in real], [[f] for f in fake]))
    # -log sigma(C(x_f) - C(x_r)), eq. 6: differences -2 and 1
    assert generator.losses["pair"].item() == pytest.approx(mean([softplus(2), softplus(-1)]))
    assert critic.stats["score_real"].item() == pytest.approx(2.0)


def test_rsgan_generator_gradient_reaches_the_fakes_only(batch):
    b = batch([[1.0]], [[0.0]], fake_grad=True)
    build_objective("rsgan", {}).generator_loss(b).total().backward()
    # d/df softplus(-(f - r)) = -sigma(-(f - r)) = -sigma(1)
    assert b.fake.grad.item() == pytest.approx(-1 / (1 + math.exp(-1)))
