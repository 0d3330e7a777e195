"""The leave-one-out 1-nearest-neighbour two-sample test (Lopez-Paz & Oquab 2017; recommended
for GANs by Xu et al. 2018): pool real and generated points, give each point the origin of its
nearest other point, and count how often that is right. 0.5 means the two sets cannot be told
apart; 1.0 means every point sits among its own kind. The fake side alone near 1 says the
samples are off the data; the real side alone near 1 says the samples miss parts of the data."""

from __future__ import annotations

import torch
from torch import Tensor


def nearest_neighbour_accuracy(real: Tensor, fake: Tensor,
                               chunk: int = 1024) -> dict[str, float]:
    """1-NN accuracy over real ∪ fake (N×D each, any layout after the first dimension), and on
    each side; Euclidean distance in float64, ties to the lower index."""
    points = torch.cat([real.flatten(1), fake.flatten(1)]).double()
    is_fake = torch.cat([torch.zeros(len(real), dtype=torch.bool),
                         torch.ones(len(fake), dtype=torch.bool)])
    nearest = torch.empty(len(points), dtype=torch.long)
    for start in range(0, len(points), chunk):
        distance = torch.cdist(points[start:start + chunk], points)  # as metrics.manifold
        rows = torch.arange(len(distance))
        distance[rows, start + rows] = float("inf")  # leave the point itself out
        nearest[start:start + chunk] = distance.argmin(1)
    right = (is_fake[nearest] == is_fake).double()
    return {"accuracy": right.mean().item(), "real_accuracy": right[:len(real)].mean().item(),
            "fake_accuracy": right[len(real):].mean().item()}
