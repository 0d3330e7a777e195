"""A highway layer (Srivastava et al. 2015), as SeqGAN's discriminator uses it (paper eq. 24):
out = τ · relu(W_H h + b_H) + (1 − τ) · h, with the transform gate τ = σ(W_T h + b_T)."""

from __future__ import annotations

import torch
from torch import Tensor, nn


class Highway(nn.Module):
    def __init__(self, width: int, gate_bias: float = 0.0) -> None:
        super().__init__()
        self.transform = nn.Linear(width, width)
        self.gate = nn.Linear(width, width)
        # The official code passes bias=0 to its highway, overriding the usual -2 (spec B.4).
        self.gate_bias = gate_bias
        for layer in (self.transform, self.gate):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.uniform_(layer.bias, -(6 / (1 + width)) ** 0.5, (6 / (1 + width)) ** 0.5)

    def forward(self, h: Tensor) -> Tensor:
        tau = torch.sigmoid(self.gate(h) + self.gate_bias)
        return tau * torch.relu(self.transform(h)) + (1.0 - tau) * h
