"""Mode coverage on 2D Gaussian mixtures, the protocol of VEEGAN (Srivastava et al. 2017) and
PacGAN (Lin et al. 2018): a sample is high quality when it lies within `threshold` standard
deviations of its nearest mode; a mode is captured when it is the nearest mode of at least one
high-quality sample; KL compares the histogram of high-quality samples over modes with uniform."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np


@dataclass(frozen=True)
class ModeCoverage:
    modes: int  # modes captured
    total_modes: int
    high_quality: float  # percentage of samples within `threshold` sigmas of their nearest mode
    kl: float  # KL(mode histogram of high-quality samples || uniform), in nats
    samples: int

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def mode_coverage(points: np.ndarray, centers: np.ndarray, sigma: float,
                  threshold: float = 3.0) -> ModeCoverage:
    points = np.asarray(points, dtype=np.float64)
    centers = np.asarray(centers, dtype=np.float64)
    distances = np.linalg.norm(points[:, None, :] - centers[None, :, :], axis=-1)
    nearest = distances.argmin(axis=1)
    good = distances[np.arange(len(points)), nearest] / sigma < threshold
    counts = np.bincount(nearest[good], minlength=len(centers))
    return ModeCoverage(
        modes=int((counts > 0).sum()),
        total_modes=len(centers),
        high_quality=100.0 * float(good.mean()) if len(points) else 0.0,
        kl=kl_to_uniform(counts),
        samples=len(points),
    )


def kl_to_uniform(counts: np.ndarray) -> float:
    """KL(p || uniform) for the histogram `counts`; inf when there is nothing to histogram."""
    total = counts.sum()
    if total == 0:
        return float("inf")
    p = counts[counts > 0] / total
    return float(np.sum(p * np.log(p * len(counts))))
