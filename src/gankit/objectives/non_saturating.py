"""The non-saturating GAN (Goodfellow et al. 2014, §3)."""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor

from gankit.objectives.minimax import Minimax


class NonSaturating(Minimax):
    """The critic's loss is the minimax one; only the generator's changes."""


    # Section 3: "train G to maximize log D(G(z))", i.e. minimise -log sigmoid(d) = softplus(-d).
    def h(self, d_fake: Tensor) -> Tensor:
        return F.softplus(-d_fake)
