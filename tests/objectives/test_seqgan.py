"""SeqGAN's pieces against hand computations on tiny vocabularies: the policy-gradient loss,
Monte Carlo rewards (eq. 4), roll-outs that keep their prefix, the discriminator loss (eq. 5),
the roll-out policy's delayed update and the objective's checkpointed state."""

import io
import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from gankit.core.errors import GankitError
from gankit.core.step import BeforeGame, CriticOutput, PerRound, StepBatch, TrainingPlan
from gankit.nets import build_nets
from gankit.objectives import build_objective
from gankit.objectives.mc_rewards import mc_rewards
from gankit.objectives.policy_gradient import policy_gradient_loss
from gankit.objectives.rollout import RolloutPolicy
from gankit.sequences.lstm import TokenLSTM

PLAN = TrainingPlan(batch_size=64, steps=200, data_size=10_000)


def test_policy_gradient_loss_by_hand():
    log_probs = torch.log(torch.tensor([[0.5, 0.25], [0.2, 0.8]]))
    rewards = torch.tensor([[1.0, 0.5], [0.0, 2.0]])
    expected = -(math.log(0.5) * 1 + math.log(0.25) * 0.5 + math.log(0.2) * 0 + math.log(0.8) * 2)
    assert policy_gradient_loss(log_probs, rewards).item() == pytest.approx(expected)


def test_policy_gradient_by_hand():
    """For one step with logits θ and sampled token y: ∂/∂θ = -Q · (onehot(y) - softmax(θ))."""
    theta = torch.tensor([0.3, -1.0, 0.5], requires_grad=True)
    tokens, rewards = torch.tensor([2, 0]), torch.tensor([[0.7], [0.2]])
    log_probs = torch.log_softmax(theta, 0)[tokens][:, None]
    policy_gradient_loss(log_probs, rewards).backward()
    p = torch.softmax(theta.detach(), 0)
    expected = -(0.7 * (F.one_hot(torch.tensor(2), 3) - p) + 0.2 * (F.one_hot(torch.tensor(0), 3) - p))
    torch.testing.assert_close(theta.grad, expected)


def policy_always(token: int, vocab: int = 3) -> TokenLSTM:
    """A policy that (up to e^-60) always emits `token`."""
    net = TokenLSTM(vocab, 2, 2)
    with torch.no_grad():
        net.readout.weight.zero_()
        net.readout.bias.zero_()
        net.readout.bias[token] = 60.0
    return net


def count_ones(x):
    """A stand-in for D's P(real): (number of 1s + 1) / 5."""
    return ((x == 1).sum(dim=1).double() + 1) / 5


def test_rewards_with_certain_completions_by_hand():
    tokens = torch.tensor([[1, 0, 1], [0, 1, 2]])
    rewards = mc_rewards(policy_always(2), count_ones, tokens, 4, torch.Generator())
    # Row 0: [1,2,2] -> 2/5, [1,0,2] -> 2/5, itself [1,0,1] -> 3/5.
    # Row 1: [0,2,2] -> 1/5, [0,1,2] -> 2/5, itself -> 2/5.
    expected = torch.tensor([[0.4, 0.4, 0.6], [0.2, 0.4, 0.4]], dtype=torch.float64)
    torch.testing.assert_close(rewards, expected)


def test_rewards_are_expectations_over_completions():
    """Vocabulary 2, length 2: Q(y1) = Σ_y2 π(y2 | y1) f(y1, y2), estimated with many roll-outs."""
    torch.manual_seed(0)
    policy = TokenLSTM(2, 3, 3)
    with torch.no_grad():
        policy.readout.bias.copy_(torch.tensor([0.4, -0.4]))
    f = lambda x: (1.0 + x[:, 0] + 2.0 * x[:, 1]).double() / 4
    tokens = torch.tensor([[0, 1], [1, 0]])
    with torch.no_grad():
        rewards = mc_rewards(policy, f, tokens, 20_000, torch.Generator().manual_seed(1))
        exact = []
        for y1 in (0, 1):
            both = torch.tensor([[y1, 0], [y1, 1]])
            pi = policy.log_probs(both)[:, 1].exp()
            exact.append(float((pi * f(both)).sum()))
    assert rewards[0, 0].item() == pytest.approx(exact[0], abs=0.01)
    assert rewards[1, 0].item() == pytest.approx(exact[1], abs=0.01)
    torch.testing.assert_close(rewards[:, 1], f(tokens))  # the last token: D of the sequence


def test_rollouts_keep_the_prefix():
    torch.manual_seed(0)
    policy, tokens, seen = TokenLSTM(7, 3, 3), torch.randint(0, 7, (5, 6)), []

    def record(x):
        seen.append(x.clone())
        return torch.ones(len(x), dtype=torch.float64)

    with torch.no_grad():
        mc_rewards(policy, record, tokens, 3, torch.Generator().manual_seed(0))
    assert len(seen) == 6
    for t, completed in enumerate(seen[:-1], start=1):
        assert completed.shape == (15, 6)
        assert torch.equal(completed[:, :t], tokens[:, :t].repeat(3, 1))
    assert torch.equal(seen[-1], tokens)
    assert not all(torch.equal(seen[0][:, 1:], s[:, 1:]) for s in seen[1:])


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
                      fake=torch.tensor([[-1.0], [0.0]]), z=torch.zeros(2, 1), step=0,
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
                                                z=torch.zeros(5, 6), step=0,
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


def test_rollout_policy_follows_with_rate():
    torch.manual_seed(0)
    generator = TokenLSTM(5, 3, 3)
    policy = RolloutPolicy(0.8)
    beta = policy.ready(generator)
    before = {k: v.clone() for k, v in beta.state_dict().items()}
    with torch.no_grad():
        for p in generator.parameters():
            p.add_(1.0)
    policy.update(generator)
    theta = generator.state_dict()
    for name, value in beta.state_dict().items():
        expected = theta[name] if name.startswith("embedding") \
            else 0.8 * before[name] + 0.2 * theta[name]
        torch.testing.assert_close(value, expected)
    assert not any(p.requires_grad for p in beta.parameters())
    current = RolloutPolicy(0.0)
    current.ready(generator)
    with torch.no_grad():
        next(generator.parameters()).add_(1.0)
    current.update(generator)
    for a, b in zip(current.net.parameters(), generator.parameters()):
        assert torch.equal(a, b)


def tiny_nets(vocab=9, length=5):
    return build_nets("seqgan", {"vocab": vocab, "filter_sizes": [1, 2],
                                 "filter_counts": [3, 3]}, (length,), length)


def test_generator_loss_and_state_round_trip():
    torch.manual_seed(0)
    generator, critic = tiny_nets()
    objective = build_objective("seqgan", {"rollouts": 3})
    assert objective.state_dict() == {}
    fake = generator(torch.randn(4, 5))
    batch = StepBatch(critic=critic, real=fake, fake=fake, z=torch.zeros(4, 5), step=0,
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
    mle, pretrain_d, *game = objective.schedule(PLAN)
    assert (mle.name, mle.when, mle.trains, mle.fake) == ("mle", BeforeGame(120 * 157),
                                                          "generator", False)
    assert mle.optimizer == "mle" and mle.eval_every == 5 * 157
    assert (pretrain_d.when, pretrain_d.trains) == (BeforeGame(150 * 157), "critic")
    assert [e.name for e in game] == ["d", "g", "rollout"]


def test_mle_loss_is_the_mean_token_nll():
    generator, critic = tiny_nets()
    objective = build_objective("seqgan")
    real = torch.randint(0, 9, (3, 5))
    batch = StepBatch(critic=critic, real=real, fake=real[:0], z=torch.zeros(3, 5), step=0,
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


def test_the_official_schedule_takes_sets_of_negatives_and_epochs_over_each():
    objective = build_objective("seqgan", {"d_negative_sets": 5, "d_epochs": 3})
    plan = TrainingPlan(batch_size=64, steps=200, data_size=10_000)
    critic = next(e for e in objective.schedule(plan) if e.name == "d")
    assert isinstance(critic.when, PerRound)
    assert critic.when.count(0) == 5 * 3 * 157 and not critic.fake  # fakes: the stored sets
    pretraining = next(e for e in objective.schedule(plan) if e.name == "pretrain_d")
    assert pretraining.when.steps == 150 * 157 and not pretraining.fake
    assert pretraining.prepare is not None and objective.official.streams["pretrain_negatives"].steps_per_set == 471
    reduced = build_objective("seqgan", {})
    pretraining = next(e for e in reduced.schedule(plan) if e.name == "pretrain_d")
    assert pretraining.fake and pretraining.prepare is None  # fresh fakes every step


def test_negative_sets_are_generated_once_per_set_and_walked_in_epochs():
    from gankit.objectives.negatives import NegativeSets

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
