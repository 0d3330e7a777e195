import pytest
import torch

from gankit.core.errors import GankitError
from gankit.core.step import CriticOutput, StepBatch, TrainingPlan, sum_parts
from gankit.nets.encoder_critic import EncoderCritic
from gankit.objectives import build_objective
from gankit.objectives.ogan.correlation import pearson
from gankit.objectives.ogan.wrapper import OGAN
from gankit.objectives.wrappers import OGANOptions


def test_pearson_by_hand():
    z = torch.tensor([[1.0, 2.0, 3.0]])
    assert pearson(z, torch.tensor([[2.0, 4.0, 6.0]])).item() == pytest.approx(1.0)
    assert pearson(z, torch.tensor([[3.0, 2.0, 1.0]])).item() == pytest.approx(-1.0)
    assert pearson(z, torch.tensor([[1.0, -2.0, 1.0]])).item() == pytest.approx(0.0, abs=1e-7)
    # centred (-1, 0, 1) and (-1/3, -1/3, 2/3): cos = (1/3 + 2/3) / (sqrt(2) sqrt(2/3))
    expected = 1.0 / (2 ** 0.5 * (2 / 3) ** 0.5)
    assert pearson(z, torch.tensor([[0.0, 0.0, 1.0]])).item() == pytest.approx(expected)


def test_pearson_ignores_shift_and_scale_so_the_score_stays_free():
    # rho(z, a E + b) = rho(z, E) for a > 0, while avg(a E + b) = a avg(E) + b: the correlation
    # term fixes E's direction and leaves its mean and scale, the score, to the GAN (section 3).
    torch.manual_seed(0)
    z, codes = torch.randn(5, 8), torch.randn(5, 8)
    moved = 3.0 * codes + 7.0
    torch.testing.assert_close(pearson(z, moved), pearson(z, codes))
    assert not torch.allclose(moved.mean(dim=1), codes.mean(dim=1))


def test_pearson_is_per_row():
    z = torch.tensor([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]])
    codes = torch.tensor([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    assert pearson(z, codes).tolist() == pytest.approx([1.0, -1.0])


class CodeIsInput(torch.nn.Module):
    """An encoder critic stand-in: E(x) = x, score = mean over the entries."""

    code_dim = 3

    def forward(self, x, labels=None):
        return CriticOutput(x.mean(dim=1), x)


def batch(real, fake, z):
    return StepBatch(critic=CodeIsInput(), real=torch.tensor(real), fake=torch.tensor(fake),
                     z=torch.tensor(z), round=0, rng=torch.Generator().manual_seed(0))


REAL = [[1.0, 2.0, 3.0], [0.0, 0.0, 3.0]]
FAKE = [[2.0, 4.0, 6.0], [3.0, 2.0, 1.0]]  # rho with Z: +1 and -1
Z = [[1.0, 2.0, 3.0], [0.0, 1.0, 2.0]]


@pytest.mark.parametrize("name", ["ns", "hinge", "wgan-gp", "lsgan", "gan-qp", "wgan"])
def test_correlation_term_joins_both_losses(name):
    inner = build_objective(name, {})
    wrapped = OGAN(build_objective(name, {}), OGANOptions(weight=0.5))
    b = batch(REAL, FAKE, Z)
    critic = wrapped.critic_loss(b)
    plain = inner.critic_loss(b)
    assert critic.losses["correlation"].item() == pytest.approx(-0.5 * 0.0)  # (1 + -1) / 2
    for key in plain.losses:
        if key != "gp":  # the gradient penalty draws its own interpolates
            assert critic.losses[key].item() == pytest.approx(plain.losses[key].item()), key
    generator = wrapped.generator_loss(b)
    assert generator.losses["adv"].item() == pytest.approx(inner.generator_loss(b).losses["adv"].item())
    assert "correlation" in generator.losses and "rho" in generator.stats


def test_correlation_value_and_sign():
    wrapped = OGAN(build_objective("ns", {}), OGANOptions(weight=0.5))
    terms = wrapped.generator_loss(batch(REAL, [[2.0, 4.0, 6.0], [0.0, 1.0, 2.0]], Z))
    assert terms.stats["rho"].item() == pytest.approx(1.0)
    assert terms.losses["correlation"].item() == pytest.approx(-0.5)


def test_weight_zero_keeps_the_encoder_but_not_the_term():
    wrapped = OGAN(build_objective("ns", {}), OGANOptions(weight=0.0))
    terms = wrapped.critic_loss(batch(REAL, FAKE, Z))
    assert "correlation" not in terms.losses and "rho" in terms.stats
    assert wrapped.critic_spec().kind == "encoder"


def test_energy_objectives_cannot_be_wrapped():
    with pytest.raises(GankitError, match="scalar score"):
        OGAN(build_objective("began", {}), OGANOptions(weight=0.5))


def test_encoder_critic_scores():
    features = torch.nn.Identity()
    mean = EncoderCritic(features, 4, 3, "mean")
    x = torch.randn(5, 4)
    torch.testing.assert_close(mean(x).score, mean.encoder(x).mean(dim=1))
    torch.testing.assert_close(mean(x).code, mean.encoder(x))
    head = EncoderCritic(features, 4, 3, "head")
    torch.testing.assert_close(head(x).score, head.head(head.encoder(x)).squeeze(1))


def loss_of(objective, name):
    entry = next(e for e in objective.schedule(TrainingPlan(8, 10)) if e.name == name)
    return lambda batch: sum_parts(entry.parts(), batch)


def test_the_schedule_wraps_the_inner_updates_and_keeps_its_projection():
    wrapped = OGAN(build_objective("wgan", {"clip": 0.2}), OGANOptions(weight=0.5))
    schedule = wrapped.schedule(TrainingPlan(8, 10, n_critic=3))
    assert [e.name for e in schedule] == ["critic", "generator"]
    assert schedule[0].project is not None and schedule[0].when.count(0) == 3
    terms = loss_of(wrapped, "critic")(batch(REAL, FAKE, Z))
    assert "correlation" in terms.losses and "real" in terms.losses


def test_joint_update_merges_the_critic_and_generator_updates():
    wrapped = OGAN(build_objective("gan-qp", {}), OGANOptions(weight=0.5, schedule="joint"))
    schedule = wrapped.schedule(TrainingPlan(8, 10, n_critic=1))
    assert [(e.name, e.trains) for e in schedule] == [("joint", "both")]
    assert [(p.name, p.weight) for p in schedule[0].parts()] == [
        ("ogan/critic", 1.0), ("ogan/generator", 1.0), ("ogan/correlation", 0.5)]
    with pytest.raises(GankitError, match="n_critic=1"):
        wrapped.schedule(TrainingPlan(8, 10, n_critic=2))


def test_in_the_joint_loss_the_generator_terms_leave_the_critic_alone():
    """h(D(x_f)) - h(D(sg(x_f))): the critic's gradients of the two cancel exactly, so the
    critic's gradient is that of its own terms and the correlation term alone."""
    torch.manual_seed(0)
    critic = EncoderCritic(torch.nn.Identity(), 3, 3, "mean")
    fake = torch.randn(4, 3, requires_grad=True)
    z = torch.randn(4, 3)
    batch = StepBatch(critic=critic, real=torch.randn(4, 3), fake=fake, z=z, round=0,
                      rng=torch.Generator())
    wrapped = OGAN(build_objective("gan-qp", {}), OGANOptions(weight=0.5, schedule="joint"))
    (joint,) = wrapped.schedule(TrainingPlan(4, 10, n_critic=1))
    terms = sum_parts(joint.parts(), batch)
    assert terms.losses["generator_adv"].item() == pytest.approx(0.0, abs=1e-6)
    terms.total().backward()
    joint_grad = critic.encoder[1].weight.grad.clone()
    critic.zero_grad()
    held = StepBatch(critic=critic, real=batch.real, fake=fake.detach(), z=z, round=0,
                     rng=torch.Generator())
    expected = wrapped.inner.critic_loss(held).total()
    expected = expected - 0.5 * pearson(z, critic(fake).code).mean()
    expected.backward()
    torch.testing.assert_close(joint_grad, critic.encoder[1].weight.grad)
