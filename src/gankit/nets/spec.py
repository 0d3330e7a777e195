"""What kind of critic an objective needs; the net family builds that kind.

- `score`: one raw score per sample (the classic discriminator / critic).
- `autoencoder`: an energy per sample, the reconstruction error of an autoencoder, plus the
  bottleneck code (EBGAN, MAGAN, BEGAN).
- `encoder`: an n-dimensional code per sample whose mean is the score (O-GAN).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CriticKind = Literal["score", "autoencoder", "encoder"]
Energy = Literal["l2", "sse", "mse", "l1"]


@dataclass(frozen=True)
class CriticSpec:
    kind: CriticKind = "score"
    energy: Energy = "mse"  # autoencoder critics: how reconstruction error is measured
