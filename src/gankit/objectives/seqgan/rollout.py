"""SeqGAN's roll-out policy G_β (Yu et al. 2017, eq. 3 and Algorithm 1): a delayed copy of the
generator that completes partial sequences for the Monte Carlo rewards.

β starts as a copy of θ when the adversarial game begins. After each generator step,
β ← rate · β + (1 − rate) · θ for the LSTM and readout, while the embedding is copied outright,
as the official rollout.py writes it (ROLLOUT(generator, 0.8)). The official TF graph never sees
that update, so in effect it rolls out with the current generator, which is also what the paper
says ("G_β is set the same as the generator"): rate = 0 gives that behaviour here.
"""

from __future__ import annotations

import copy

import torch
from torch import Tensor, nn

from gankit.sequences.lstm import TokenLSTM

EMBEDDING = "embedding."


class RolloutPolicy:
    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.net: TokenLSTM | None = None
        self._pending: dict[str, Tensor] | None = None  # loaded before the net exists

    def ready(self, policy: TokenLSTM) -> TokenLSTM:
        """The roll-out network, created from `policy` (the generator's LSTM) on first use."""
        if self.net is None:
            self.net = copy.deepcopy(policy).requires_grad_(False)
            if self._pending is not None:
                self.net.load_state_dict(self._pending)
                self._pending = None
        return self.net

    @torch.no_grad()
    def update(self, policy: nn.Module) -> None:
        """β ← rate · β + (1 − rate) · θ; the embedding is copied."""
        if self.net is None:
            return
        theta = dict(policy.named_parameters())
        for name, beta in self.net.named_parameters():
            if name.startswith(EMBEDDING):
                beta.copy_(theta[name])
            else:
                beta.lerp_(theta[name], 1.0 - self.rate)

    def state_dict(self) -> dict[str, Tensor]:
        if self.net is not None:
            return {k: v.detach().clone() for k, v in self.net.state_dict().items()}
        return dict(self._pending or {})

    def load_state_dict(self, state: dict[str, Tensor]) -> None:
        if not state:
            return
        if self.net is not None:
            self.net.load_state_dict(state)
        else:
            self._pending = dict(state)
