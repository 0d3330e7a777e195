"""The SeqGAN objective on tiny nets: the discriminator loss (eq. 5) by hand, in one pass or two,
the generator loss and the checkpointed state, the schedule's phases, the MLE loss, bad options."""

import io
import math

import pytest
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.core.step import BeforeGame, CriticOutput, StepBatch, TrainingPlan
from gankit.nets import build_nets
from gankit.objectives import build_objective

PLAN = TrainingPlan(batch_size=64, steps=200, data_size=10_000)


class LinearCritic(nn.Module):
    """score = 2x + 1 through a real linear head, so the head's L2 term is known."""

    def __init__(self):
        super().__init__()
        self.head = nn.Linear(1, 1)
        with torch.no_grad():
            self.head.weight.fill_(2.0)
            self.head.bias.fill_(1.0)

    def forward(self, x, labels=None):
        return CriticOutput(self.head(x.float()).squeeze(1))


def test_critic_loss_by_hand():
    objective = build_objective("seqgan")
    batch = StepBatch(critic=LinearCritic(), real=torch.tensor([[1.0], [2.0]]),
                      fake=torch.tensor([[-1.0], [0.0]]), z=torch.zeros(2, 1), round=0,
                      rng=torch.Generator())
    terms = objective.critic_loss(batch)
    softplus = lambda v: math.log1p(math.exp(v))
    # Eq. 5 with D = sigmoid(score): scores 3, 5 (real) and -1, 1 (fake).
    assert terms.losses["real"].item() == pytest.approx((softplus(-3) + softplus(-5)) / 2)
    assert terms.losses["fake"].item() == pytest.approx((softplus(-1) + softplus(1)) / 2)
    # The code's 0.2·(w²/2 + b²/2) on two logits; on one logit (split ±w/2): 0.2·(4 + 1)/4.
    assert terms.losses["l2"].item() == pytest.approx(0.2 * 5 / 4)
    assert terms.stats["accuracy"].item() == pytest.approx(0.75)


def test_a_joint_critic_pass_gives_the_separate_passes_losses_and_gradients():
    torch.manual_seed(0)
    _, critic = build_nets("seqgan", {"vocab": 30, "filter_sizes": [1, 2, 3],
                                      "filter_counts": [4, 4, 4], "dropout": 0.0}, (6,), 6)
    real, fake = torch.randint(0, 30, (5, 6)), torch.randint(0, 30, (3, 6))
    results = []
    for d_batch in ("separate", "joint"):
        critic.zero_grad(set_to_none=True)
        calls = []
        hook = critic.register_forward_hook(
            lambda module, args, out, seen=calls: seen.append(len(args[0])))
        objective = build_objective("seqgan", {"d_batch": d_batch})
        terms = objective.critic_loss(StepBatch(critic=critic, real=real, fake=fake,
                                                z=torch.zeros(5, 6), round=0,
                                                rng=torch.Generator()))
        terms.total().backward()
        hook.remove()
        results.append((calls, terms, [p.grad.clone() for p in critic.parameters()]))
    (separate_calls, separate, separate_grads), (joint_calls, joint, joint_grads) = results
    assert separate_calls == [5, 3] and joint_calls == [8]
    for name in ("real", "fake", "l2"):
        assert joint.losses[name].item() == pytest.approx(separate.losses[name].item(), rel=1e-6)
    assert joint.stats["accuracy"].item() == separate.stats["accuracy"].item()
    for a, b in zip(joint_grads, separate_grads):
        assert torch.allclose(a, b, atol=1e-6)


def tiny_nets(vocab=9, length=5):
    return build_nets("seqgan", {"vocab": vocab, "filter_sizes": [1, 2],
                                 "filter_counts": [3, 3]}, (length,), length)


def test_generator_loss_and_state_round_trip():
    torch.manual_seed(0)
    generator, critic = tiny_nets()
    objective = build_objective("seqgan", {"rollouts": 3})
    assert objective.state_dict() == {}
    fake = generator(torch.randn(4, 5))
    batch = StepBatch(critic=critic, real=fake, fake=fake, z=torch.zeros(4, 5), round=0,
                      rng=torch.Generator().manual_seed(0), generator=generator)
    terms = objective.generator_loss(batch)
    assert set(terms.losses) == {"pg"} and terms.losses["pg"].requires_grad
    assert 0 < terms.stats["reward"].item() < 1
    assert critic.training  # put back in training mode after scoring without dropout
    follow = next(e for e in objective.schedule(PLAN) if e.name == "rollout")
    follow.loss(batch)

    buffer = io.BytesIO()
    torch.save(objective.state_dict(), buffer)
    buffer.seek(0)
    state = torch.load(buffer, weights_only=True)
    restored = build_objective("seqgan", {"rollouts": 3})
    restored.load_state_dict(state)
    net = restored.rollout.ready(generator.lstm)
    for key, value in objective.rollout.net.state_dict().items():
        assert torch.equal(net.state_dict()[key], value)


def test_phases_count_epochs():
    objective = build_objective("seqgan", {"mle_epochs": 120, "d_pretrain_epochs": 150})
    mle, pretrain_critic, *game = objective.schedule(PLAN)
    assert (mle.name, mle.when, mle.trains, mle.fake) == ("mle", BeforeGame(120 * 157),
                                                          "generator", False)
    assert mle.optimizer == "mle" and mle.eval_every == 5 * 157
    assert (pretrain_critic.when, pretrain_critic.trains) == (BeforeGame(150 * 157), "critic")
    assert [e.name for e in game] == ["critic", "generator", "rollout"]


def test_mle_loss_is_the_mean_token_nll():
    generator, critic = tiny_nets()
    objective = build_objective("seqgan")
    real = torch.randint(0, 9, (3, 5))
    batch = StepBatch(critic=critic, real=real, fake=real[:0], z=torch.zeros(3, 5), round=0,
                      rng=torch.Generator(), generator=generator)
    expected = -generator(None, tokens=real).mean()
    torch.testing.assert_close(objective.mle_loss(batch).losses["nll"], expected)
    batch.generator = nn.Linear(5, 5)
    with pytest.raises(GankitError, match="net=seqgan"):
        objective.mle_loss(batch)


@pytest.mark.parametrize("options, key", [
    ({"rollouts": 0}, "rollouts"), ({"rollout_rate": 1.5}, "rollout_rate"),
    ({"mle_epochs": -1}, "mle_epochs"), ({"head_l2": -0.1}, "head_l2"),
    ({"d_batch": "mixed"}, "d_batch"),
])
def test_bad_options(options, key):
    with pytest.raises(GankitError, match=f"objective_options.{key}"):
        build_objective("seqgan", options)


