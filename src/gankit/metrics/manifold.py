"""k-nearest-neighbour manifold metrics between real and fake features.

- precision / recall (Kynkäänniemi et al. 2019, k = 3): the share of fake samples inside the real
  manifold (the union of balls around real samples, radius = distance to their k-th nearest real
  neighbour), and the share of real samples inside the fake manifold.
- density / coverage (Naeem et al. 2020, k = 5): density counts, per fake sample, the real balls
  that hold it (divided by k, averaged); coverage is the share of real balls that hold a fake.

Distances are computed in row chunks, so memory stays at CHUNK × N floats.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from itertools import pairwise

import numpy as np
import torch

CHUNK = 1024
PR_K = 3
DC_K = 5


@dataclass(frozen=True)
class ManifoldResult:
    precision: float
    recall: float
    density: float
    coverage: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def kth_neighbour_radii(features: torch.Tensor, ks: tuple[int, ...]) -> dict[int, torch.Tensor]:
    """Per row, the distance to its k-th nearest other row, for each k in `ks`."""
    if len(features) <= max(ks):
        raise ValueError(f"need more than k = {max(ks)} samples, got {len(features)}")
    chunks: dict[int, list[torch.Tensor]] = {k: [] for k in ks}
    for start in range(0, len(features), CHUNK):
        distances = torch.cdist(features[start:start + CHUNK], features)
        # The k+1 smallest include the row itself (distance 0), so the k-th neighbour is index k.
        smallest = distances.topk(max(ks) + 1, dim=1, largest=False).values
        for k in ks:
            chunks[k].append(smallest[:, k])
    return {k: torch.cat(parts) for k, parts in chunks.items()}


def manifold_metrics(real: np.ndarray, fake: np.ndarray, pr_k: int = PR_K,
                     dc_k: int = DC_K) -> ManifoldResult:
    """Precision, recall (k = pr_k) and density, coverage (k = dc_k) of N×D `fake` against
    M×D `real` features."""
    real_t, fake_t = as_tensor(real), as_tensor(fake)
    if real_t.shape[1] != fake_t.shape[1]:
        raise ValueError(f"feature sizes differ: {real_t.shape[1]} and {fake_t.shape[1]}")
    real_radii = kth_neighbour_radii(real_t, tuple(sorted({pr_k, dc_k})))
    fake_radii = kth_neighbour_radii(fake_t, (pr_k,))[pr_k]
    counts = cross_counts(real_t, fake_t, real_radii[pr_k], real_radii[dc_k], fake_radii)
    return ManifoldResult(
        precision=float(counts["fake_in_real"].float().mean()),
        recall=float(counts["real_in_fake"].float().mean()),
        density=float(counts["balls_per_fake"].double().mean() / dc_k),
        coverage=float(counts["real_covered"].float().mean()),
    )


def cross_counts(real: torch.Tensor, fake: torch.Tensor, real_pr: torch.Tensor,
                 real_dc: torch.Tensor, fake_pr: torch.Tensor) -> dict[str, torch.Tensor]:
    """One chunked pass over the fake×real distances, collecting what the four metrics need."""
    fake_in_real, balls_per_fake = [], []
    real_in_fake = torch.zeros(len(real), dtype=torch.bool)
    nearest_fake = torch.full((len(real),), float("inf"))
    for start in range(0, len(fake), CHUNK):
        distances = torch.cdist(fake[start:start + CHUNK], real)
        fake_in_real.append((distances <= real_pr).any(dim=1))
        balls_per_fake.append((distances <= real_dc).sum(dim=1))
        real_in_fake |= (distances <= fake_pr[start:start + CHUNK, None]).any(dim=0)
        nearest_fake = torch.minimum(nearest_fake, distances.min(dim=0).values)
    return {"fake_in_real": torch.cat(fake_in_real), "balls_per_fake": torch.cat(balls_per_fake),
            "real_in_fake": real_in_fake, "real_covered": nearest_fake <= real_dc}


def as_tensor(features: np.ndarray) -> torch.Tensor:
    array = np.asarray(features, dtype=np.float32)
    if array.ndim != 2:
        raise ValueError(f"need an N×D feature array, got shape {array.shape}")
    return torch.from_numpy(array)


def block_scales(real: np.ndarray, blocks: tuple[int, ...]) -> np.ndarray:
    """Each block's mean norm over the real features: dividing by it gives every block the same
    weight in the distances (the scales come from the real set alone, never the fakes)."""
    edges = np.cumsum((0, *blocks))
    norms = [np.linalg.norm(real[:, a:b], axis=1).mean() for a, b in pairwise(edges)]
    return np.array([max(float(n), 1e-12) for n in norms])


def scale_blocks(features: np.ndarray, blocks: tuple[int, ...], scales: np.ndarray) -> np.ndarray:
    return features / np.repeat(scales, blocks).astype(features.dtype)
