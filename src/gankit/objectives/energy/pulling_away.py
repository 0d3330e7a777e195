"""EBGAN's pulling-away term (Zhao, Mathieu & LeCun 2017, section 2.4)."""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor


def pulling_away(codes: Tensor) -> Tensor:
    """Eq. 7: f_PT(S) = 1/(N(N-1)) sum_i sum_{j != i} (S_i^T S_j / (||S_i|| ||S_j||))^2,
    the mean squared cosine similarity over distinct pairs of the batch's codes S (N×...)."""
    n = codes.shape[0]
    if n < 2:
        raise ValueError("the pulling-away term needs a batch of at least 2")
    unit = F.normalize(codes.float().flatten(1), dim=1)
    cosines = unit @ unit.T
    off_diagonal = cosines.pow(2).sum() - cosines.diagonal().pow(2).sum()
    return off_diagonal / (n * (n - 1))
