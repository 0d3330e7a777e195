"""SeqGAN's roll-out policy G_β: its delayed update, and rate 0 following G exactly."""

import torch

from gankit.objectives.seqgan.rollout import RolloutPolicy
from gankit.sequences.lstm import TokenLSTM


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
