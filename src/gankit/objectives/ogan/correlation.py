"""O-GAN's correlation term (Su 2019, eq. 5)."""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor


def pearson(z: Tensor, codes: Tensor) -> Tensor:
    """rho(z_i, E(G(z_i))) for each row: the cosine of the two centred vectors, shape (N,)."""
    z_centred = z.float() - z.float().mean(dim=1, keepdim=True)
    codes_centred = codes.float() - codes.float().mean(dim=1, keepdim=True)
    return F.cosine_similarity(z_centred, codes_centred, dim=1, eps=1e-12)
