"""The critic shape every family shares: a feature body and a linear head to one raw score."""

from __future__ import annotations

from torch import Tensor, nn

from gankit.core.step import CriticOutput


class Critic(nn.Module):
    """`features(x)` is a flat N×feature_dim vector; `head` maps it to one score per sample.

    Autoencoder and encoder critics reuse `features` and swap or extend the head.
    """

    def __init__(self, features: nn.Module, feature_dim: int) -> None:
        super().__init__()
        self.features = features
        self.head = nn.Linear(feature_dim, 1)
        self.feature_dim = feature_dim

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        return CriticOutput(self.head(self.features(x)).squeeze(1))


class ScoreCritic(nn.Module):
    """A critic made of any module `body` that maps samples to one score each, shape (N,): for
    nets of your own. Labels are ignored."""

    def __init__(self, body: nn.Module) -> None:
        super().__init__()
        self.body = body

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        return CriticOutput(self.body(x))
