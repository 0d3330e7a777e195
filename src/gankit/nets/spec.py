"""What kind of critic an objective needs; the net family builds that kind.

- `score`: one raw score per sample (the classic discriminator / critic).
- `autoencoder`: an energy per sample, the reconstruction error of an autoencoder, plus the
  bottleneck code (EBGAN, MAGAN, BEGAN).
- `encoder`: a z_dim-dimensional code E(x) per sample; the score is its mean, or a small head
  T(E(x)) (O-GAN).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CriticKind = Literal["score", "autoencoder", "encoder"]
Energy = Literal["l2", "sse", "mse", "l1"]
Conditioning = Literal["projection", "acgan", "concat"]  # how a critic takes labels (nets.critic)


@dataclass(frozen=True)
class CriticSpec:
    kind: CriticKind = "score"
    energy: Energy = "l2"  # autoencoder critics: how reconstruction error is measured
    score: Literal["mean", "head"] = "mean"  # encoder critics: avg(E(x)) or T(E(x))
