"""SeqGAN's rewards (Yu et al. 2017, eqs. 2-4): for t < T, Q(Y_{1:t-1}, y_t) is the mean of the
discriminator's P(real) over N Monte Carlo completions of Y_{1:t} by the roll-out policy; for
t = T it is P(real) of the finished sequence itself."""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import Tensor

from gankit.sequences.lstm import TokenLSTM


def mc_rewards(policy: TokenLSTM, prob_real: Callable[[Tensor], Tensor], tokens: Tensor,
               rollouts: int, rng: torch.Generator, temperature: float = 1.0) -> Tensor:
    """Rewards N×T for the sequences `tokens` (N×T); every completion keeps its prefix."""
    n, length = tokens.shape
    starts = policy.prefix_states(tokens)
    columns = []
    for t in range(1, length):
        logits, (h, c) = starts[t]
        prefix = tokens[:, :t].repeat(rollouts, 1)
        state = (h.repeat(1, rollouts, 1), c.repeat(1, rollouts, 1))
        uniforms = torch.rand(rollouts * n, length - t, generator=rng, device=tokens.device,
                              dtype=torch.float64)

        def uniform(s: int, u: Tensor = uniforms, t: int = t) -> Tensor:
            return u[:, s - t]

        completed = policy.complete(prefix, logits.repeat(rollouts, 1), state, length, uniform,
                                    temperature)
        columns.append(prob_real(completed).view(rollouts, n).mean(dim=0))  # eq. 4, t < T
    columns.append(prob_real(tokens))  # eq. 4, t = T
    return torch.stack(columns, dim=1)
