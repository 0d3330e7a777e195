"""The critic shape every family shares: a feature body and a linear head to one raw score, and
how a critic takes labels in a conditional run (`conditioning`):

- `projection` (Miyato & Koyama 2018): score = head(phi(x)) + <embed(y), phi(x)>;
- `acgan` (Odena et al. 2017): the unconditional score plus class logits from a linear head;
- `concat` (Mirza & Osindero 2014): one-hot labels appended to the input as entries or maps.
"""

from __future__ import annotations

from torch import Tensor, nn

from gankit.core.step import CriticOutput
from gankit.nets.conditioning import ConcatLabels, require_labels
from gankit.nets.spec import Conditioning


class LabelReader(nn.Module):
    """What projection, AC-GAN and concat critics add to a body of `feature_dim` features."""

    def __init__(self, feature_dim: int, classes: int, conditioning: Conditioning) -> None:
        super().__init__()
        self.conditioning = conditioning
        self.inputs = ConcatLabels(classes) if conditioning == "concat" else None
        self.embed = nn.Embedding(classes, feature_dim) if conditioning == "projection" else None
        self.classifier = nn.Linear(feature_dim, classes) if conditioning == "acgan" else None
        if self.embed is not None:
            nn.init.xavier_uniform_(self.embed.weight)

    def prepare(self, x: Tensor, labels: Tensor | None) -> Tensor:
        return x if self.inputs is None else self.inputs(x, labels)

    def read(self, score: Tensor, features: Tensor, labels: Tensor | None) -> CriticOutput:
        if self.embed is not None:
            score = score + (self.embed(require_labels(labels)) * features).sum(dim=1)
        logits = None if self.classifier is None else self.classifier(features)
        return CriticOutput(score, class_logits=logits)


class Critic(nn.Module):
    """`features(x)` is a flat N×feature_dim vector; `head` maps it to one score per sample.

    Autoencoder and encoder critics reuse `features` and swap or extend the head.
    """

    def __init__(self, features: nn.Module, feature_dim: int,
                 labels: LabelReader | None = None) -> None:
        super().__init__()
        self.features = features
        self.head = nn.Linear(feature_dim, 1)
        self.feature_dim = feature_dim
        self.labels = labels

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        if self.labels is None:
            return CriticOutput(self.head(self.features(x)).squeeze(1))
        features = self.features(self.labels.prepare(x, labels))
        return self.labels.read(self.head(features).squeeze(1), features, labels)


class ScoreCritic(nn.Module):
    """A critic made of any module `body` that maps samples to one score each, shape (N,): for
    nets of your own. Labels are ignored."""

    def __init__(self, body: nn.Module) -> None:
        super().__init__()
        self.body = body

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        return CriticOutput(self.body(x))
