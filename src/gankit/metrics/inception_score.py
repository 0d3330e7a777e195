"""Inception Score (Salimans et al. 2016) from any classifier's class probabilities:
IS = exp(E_x KL(p(y|x) ‖ p(y))), computed on `splits` parts and reported as mean and std."""

from __future__ import annotations

import numpy as np

SPLITS = 10


def inception_score(probabilities: np.ndarray, splits: int = SPLITS) -> tuple[float, float]:
    """Mean and std over `splits` parts of exp(mean KL(p(y|x) ‖ p(y))) for N×C probabilities."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    if probabilities.ndim != 2 or len(probabilities) < splits or splits < 1:
        raise ValueError(f"need an N×C array with N ≥ splits = {splits}, "
                         f"got shape {probabilities.shape}")
    scores = [split_score(part) for part in np.array_split(probabilities, splits)]
    return float(np.mean(scores)), float(np.std(scores))


def split_score(probabilities: np.ndarray) -> float:
    """exp of the mean KL divergence of each row from the part's marginal."""
    marginal = probabilities.mean(axis=0, keepdims=True)
    kl = plogp_ratio(probabilities, marginal)
    return float(np.exp(kl.sum(axis=1).mean()))


def plogp_ratio(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """p·log(p/q) elementwise, with 0·log(0/q) = 0."""
    positive = p > 0
    ratio = np.where(positive, p, 1.0) / np.where(positive, q, 1.0)
    return np.where(positive, p * np.log(ratio), 0.0)
