"""SeqGAN's generator loss: REINFORCE with per-token rewards (Yu et al. 2017, eqs. 6-7)."""

from __future__ import annotations

from torch import Tensor


def policy_gradient_loss(log_probs: Tensor, rewards: Tensor) -> Tensor:
    """-Σ_{b,t} log G(y_t | Y_{1:t-1}) · Q(Y_{1:t-1}, y_t), eq. 7 negated for descent.

    Summed over the batch and the positions with no baseline, as in the official code (its
    gradient is then clipped by global norm); the rewards carry no gradient.
    """
    return -(log_probs * rewards.detach()).sum()
