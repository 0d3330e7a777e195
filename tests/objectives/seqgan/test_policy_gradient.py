"""SeqGAN's policy-gradient loss (eq. 7) and its gradient against hand computations."""

import math

import pytest
import torch
import torch.nn.functional as F

from gankit.objectives.seqgan.policy_gradient import policy_gradient_loss


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
