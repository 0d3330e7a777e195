"""Inception Score (Salimans et al. 2016) from any classifier's class probabilities:
IS = exp(E_x KL(p(y|x) ‖ p(y))), computed on `splits` parts and reported as mean and std."""

from __future__ import annotations

import numpy as np
from scipy.special import xlogy

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
    kl = xlogy(probabilities, probabilities) - xlogy(probabilities, marginal)
    return float(np.exp(kl.sum(axis=1).mean()))
