"""Categorical sampling by the inverse CDF: token = the first index whose cumulative probability
exceeds u, with u ~ U(0, 1). Given u, sampling is deterministic, so a generator can map a
standard-normal latent z to tokens through u = Φ(z) and fixed z gives fixed sequences.

The CDF is searched in two levels (blocks of about √V tokens, then within one block), so a large
vocabulary needs one softmax and no full-length cumulative sum; the sums run in float64 over
float32 probabilities.
"""

from __future__ import annotations

import math

import torch
from torch import Tensor


def normal_to_uniform(z: Tensor) -> Tensor:
    """Φ(z), the standard normal CDF, elementwise, in float64."""
    return 0.5 * (1.0 + torch.erf(z.double() / math.sqrt(2.0)))


def inverse_cdf(logits: Tensor, u: Tensor, temperature: float = 1.0) -> Tensor:
    """One token per row of `logits` (N×V) at uniforms `u` (N,), from softmax(logits / T)."""
    vocab = logits.shape[1]
    scaled = logits.float() if temperature == 1.0 else logits.float() / temperature
    probs = torch.softmax(scaled, dim=1)
    size = math.isqrt(vocab - 1) + 1
    block_cdf = block_sums(probs, size).double().cumsum(dim=1)
    target = u.double().to(logits.device) * block_cdf[:, -1]
    block = _search(block_cdf, target)
    before = block_cdf.gather(1, (block - 1).clamp(min=0)[:, None])[:, 0]
    before = torch.where(block > 0, before, torch.zeros_like(before))
    columns = block[:, None] * size + torch.arange(size, device=logits.device)
    segment = probs.gather(1, columns.clamp(max=vocab - 1)) * (columns < vocab)
    index = block * size + _search(segment.double().cumsum(dim=1), target - before)
    return index.clamp_(max=vocab - 1)


def block_sums(probs: Tensor, size: int) -> Tensor:
    """Sums of consecutive blocks of `size` columns (the last block may be shorter)."""
    full = probs.shape[1] // size
    sums = probs[:, : full * size].unflatten(1, (full, size)).sum(dim=2)
    if full * size < probs.shape[1]:
        sums = torch.cat([sums, probs[:, full * size :].sum(dim=1, keepdim=True)], dim=1)
    return sums


def _search(cdf: Tensor, target: Tensor) -> Tensor:
    """The first index whose cumulative value exceeds `target`, per row (the last one when
    round-off leaves the target at or beyond the total)."""
    found = torch.searchsorted(cdf, target[:, None], right=True)[:, 0]
    return found.clamp_(max=cdf.shape[1] - 1)
