"""2D Gaussian mixtures with the VEEGAN / PacGAN geometry, equal weights, drawn fresh per batch.

ring: 8 modes on the unit circle at angles 2πk/8, σ = 0.01.
grid: 25 modes at {-4, -2, 0, 2, 4}², σ = 0.05.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import torch
from torch import Tensor

from gankit.data.base import DataSource, Preview
from gankit.data.checks import check_positive, reject_argument
from gankit.data.options import MixtureOptions
from gankit.data.pictures import picture

RING_SIGMA = 0.01
GRID_SIGMA = 0.05


class GaussianMixture(DataSource):
    """Equal-weight isotropic Gaussians around `centers` (K×2) with standard deviation `sigma`."""

    kind = "points"
    shape = (2,)

    def __init__(self, centers: Tensor, sigma: float) -> None:
        self.centers = centers.to(torch.float32)
        self.sigma = float(sigma)
        self.classes = tuple(str(k) for k in range(len(self.centers)))  # the mode's index

    def sample_labelled(self, n: int, rng: torch.Generator) -> tuple[Tensor, Tensor]:
        modes = torch.randint(len(self.centers), (n,), generator=rng)
        noise = torch.randn(n, 2, generator=rng)
        return self.centers[modes] + self.sigma * noise, modes

    def class_frequencies(self) -> Tensor:
        return torch.full((len(self.centers),), 1.0 / len(self.centers))

    def preview(self, samples: Tensor, labels: Tensor | None = None) -> Preview:
        """A scatter plot over the modes."""
        return Preview(picture=picture(samples, self.centers), scale=1)

    def preview_count(self, log: Mapping[str, Any]) -> int:
        return int(log["n_points"])


def ring_centers(count: int = 8, radius: float = 1.0) -> Tensor:
    angles = torch.arange(count, dtype=torch.float64) * (2 * math.pi / count)
    return (radius * torch.stack([angles.cos(), angles.sin()], dim=1)).float()


def grid_centers(values: tuple[float, ...] = (-4.0, -2.0, 0.0, 2.0, 4.0)) -> Tensor:
    axis = torch.tensor(values, dtype=torch.float32)
    xs, ys = torch.meshgrid(axis, axis, indexing="ij")
    return torch.stack([xs.flatten(), ys.flatten()], dim=1)


def mixture(
    name: str, centers: Tensor, default_sigma: float, options: MixtureOptions, argument: str | None
) -> GaussianMixture:
    reject_argument(name, argument)
    check_positive(options.sigma, "sigma")
    sigma = default_sigma if options.sigma is None else options.sigma
    return GaussianMixture(centers, sigma)


class RingLoader:
    Options = MixtureOptions

    @staticmethod
    def load(options: MixtureOptions, argument: str | None) -> GaussianMixture:
        return mixture("ring", ring_centers(), RING_SIGMA, options, argument)


class GridLoader:
    Options = MixtureOptions

    @staticmethod
    def load(options: MixtureOptions, argument: str | None) -> GaussianMixture:
        return mixture("grid", grid_centers(), GRID_SIGMA, options, argument)
