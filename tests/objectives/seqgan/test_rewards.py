"""SeqGAN's Monte Carlo rewards (eq. 4) on tiny vocabularies: by hand, as expectations over
completions, and roll-outs that keep their prefix."""

import pytest
import torch

from gankit.objectives.seqgan.rewards import mc_rewards
from gankit.sequences.lstm import TokenLSTM


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
