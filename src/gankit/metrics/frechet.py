"""Fréchet distance between two Gaussians fitted to feature sets (FID when the features are
Inception's; Heusel et al. 2017):

    d² = ‖μ1 − μ2‖² + tr Σ1 + tr Σ2 − 2 tr (Σ1 Σ2)^½

tr (Σ1 Σ2)^½ equals the sum of square roots of the eigenvalues of the symmetric positive
semi-definite matrix Σ1^½ Σ2 Σ1^½, so no complex matrix square root is needed.
"""

from __future__ import annotations

import numpy as np


def feature_statistics(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean (D) and unbiased covariance (D×D) of N×D features, in float64."""
    features = np.asarray(features, dtype=np.float64)
    if features.ndim != 2 or len(features) < 2:
        raise ValueError(f"need an N×D array with N ≥ 2, got shape {features.shape}")
    mu = features.mean(axis=0)
    centred = features - mu
    sigma = centred.T @ centred / (len(features) - 1)
    return mu, sigma


def frechet_distance(mu1: np.ndarray, sigma1: np.ndarray,
                     mu2: np.ndarray, sigma2: np.ndarray) -> float:
    """Squared Fréchet distance between N(mu1, sigma1) and N(mu2, sigma2)."""
    mu1, mu2 = np.asarray(mu1, np.float64), np.asarray(mu2, np.float64)
    sigma1, sigma2 = np.asarray(sigma1, np.float64), np.asarray(sigma2, np.float64)
    check_shapes(mu1, sigma1, mu2, sigma2)
    mean_term = float(np.sum((mu1 - mu2) ** 2))
    distance = mean_term + np.trace(sigma1) + np.trace(sigma2) - 2.0 * trace_sqrt_product(
        sigma1, sigma2)
    return max(float(distance), 0.0)  # round-off can leave a tiny negative for equal inputs


def trace_sqrt_product(sigma1: np.ndarray, sigma2: np.ndarray) -> float:
    """tr (Σ1 Σ2)^½ for symmetric positive semi-definite Σ1, Σ2."""
    root1 = psd_sqrt(sigma1)
    middle = root1 @ sigma2 @ root1
    eigenvalues = np.linalg.eigvalsh((middle + middle.T) / 2.0)
    return float(np.sum(np.sqrt(np.clip(eigenvalues, 0.0, None))))


def psd_sqrt(matrix: np.ndarray) -> np.ndarray:
    """The symmetric square root of a positive semi-definite matrix (negative round-off → 0)."""
    eigenvalues, eigenvectors = np.linalg.eigh((matrix + matrix.T) / 2.0)
    roots = np.sqrt(np.clip(eigenvalues, 0.0, None))
    return (eigenvectors * roots) @ eigenvectors.T


def check_shapes(mu1: np.ndarray, sigma1: np.ndarray, mu2: np.ndarray, sigma2: np.ndarray) -> None:
    dim = mu1.shape[0] if mu1.ndim == 1 else -1
    expected = {"mu1": (dim,), "mu2": (dim,), "sigma1": (dim, dim), "sigma2": (dim, dim)}
    found = {"mu1": mu1.shape, "mu2": mu2.shape, "sigma1": sigma1.shape, "sigma2": sigma2.shape}
    if dim < 0 or found != expected:
        raise ValueError(f"shapes do not fit one feature dimension: {found}")
