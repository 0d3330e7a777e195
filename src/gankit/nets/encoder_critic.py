"""Encoder critics (O-GAN, Su 2019): the critic's body ends in a code E(x) with as many entries as
z, and the score is the mean of the code (eq. 6) or a small head T on it (eq. 3).

In a conditional run the labels enter through the body's features phi(x), not the code
(projection: score + <embed(y), phi(x)>), so E(x) stays free to encode z for the Pearson term."""

from __future__ import annotations

import dataclasses

from torch import Tensor, nn

from gankit.core.step import CriticOutput
from gankit.nets.critic import LabelReader


class EncoderCritic(nn.Module):
    def __init__(self, features: nn.Module, feature_dim: int, code_dim: int, score: str,
                 labels: LabelReader | None = None) -> None:
        super().__init__()
        self.encoder = nn.Sequential(features, nn.Linear(feature_dim, code_dim))
        self.code_dim = code_dim
        self.score_kind = score
        self.head = nn.Linear(code_dim, 1) if score == "head" else None
        self.labels = labels

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        """The code E(x) (N×code_dim) and the score D(x) = avg(E(x)), or T(E(x)) with the head."""
        body, to_code = self.encoder
        features = body(x if self.labels is None else self.labels.prepare(x, labels))
        code = to_code(features)
        score = code.mean(dim=1) if self.head is None else self.head(code).squeeze(1)
        if self.labels is None:
            return CriticOutput(score, code)
        return dataclasses.replace(self.labels.read(score, features, labels), code=code)
