"""Kernel Inception Distance (Bińkowski et al. 2018): the unbiased estimate of the squared MMD
with the polynomial kernel k(x, y) = (x·y / d + 1)³, averaged over random subsets."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

SUBSETS = 100
SUBSET_SIZE = 1000


@dataclass(frozen=True)
class KidResult:
    mean: float
    std: float  # spread over subsets
    subsets: int
    subset_size: int

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def polynomial_kernel(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(x·y / d + 1)³ for every pair of rows of x and y, in float64 (the dot products are
    taken in the inputs' dtype: float32 halves the time and its round-off is far below KID's)."""
    return (np.asarray(x @ y.T, dtype=np.float64) / x.shape[1] + 1.0) ** 3


def mmd2_unbiased(x: np.ndarray, y: np.ndarray) -> float:
    """Unbiased MMD² between samples x (m×d) and y (n×d): diagonals of k(x,x), k(y,y) left out."""
    m, n = len(x), len(y)
    if m < 2 or n < 2:
        raise ValueError("the unbiased MMD² needs at least two samples on each side")
    k_xx, k_yy = polynomial_kernel(x, x), polynomial_kernel(y, y)
    within_x = (k_xx.sum() - np.trace(k_xx)) / (m * (m - 1))
    within_y = (k_yy.sum() - np.trace(k_yy)) / (n * (n - 1))
    between = polynomial_kernel(x, y).sum() / (m * n)
    return float(within_x + within_y - 2.0 * between)


def kernel_inception_distance(real: np.ndarray, fake: np.ndarray, subsets: int = SUBSETS,
                              subset_size: int = SUBSET_SIZE, seed: int = 0) -> KidResult:
    """KID between N×D `real` and M×D `fake` features: mean and std of the unbiased MMD² over
    `subsets` draws of min(subset_size, N, M) rows from each side (without replacement)."""
    real, fake = np.asarray(real, np.float32), np.asarray(fake, np.float32)
    if real.ndim != 2 or fake.ndim != 2 or real.shape[1] != fake.shape[1]:
        raise ValueError(f"need two N×D arrays with one D, got {real.shape} and {fake.shape}")
    size = min(subset_size, len(real), len(fake))
    rng = np.random.default_rng(seed)
    values = np.array([
        mmd2_unbiased(real[rng.choice(len(real), size, replace=False)],
                      fake[rng.choice(len(fake), size, replace=False)])
        for _ in range(subsets)
    ])
    return KidResult(float(values.mean()), float(values.std()), subsets, size)
