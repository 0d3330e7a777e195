"""Metrics of a class-conditional generator, from samples and the labels they were drawn for:

- class agreement: how often a classifier gives a sample the label it was generated for (the
  domain classifier for images, the nearest mode for 2D mixtures);
- intra-FID (Miyato & Koyama 2018): the FID of each class's samples against the real images of
  that class, averaged over the classes;
- for 2D mixtures, the share of each label's samples within 3σ of that label's own mode.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gankit.metrics.frechet import feature_statistics, frechet_distance

MIN_PER_CLASS = 2  # a covariance needs at least two samples


def class_agreement(probabilities: np.ndarray, labels: np.ndarray) -> float:
    """Share of samples whose most probable class is their label."""
    return float((probabilities.argmax(axis=1) == labels).mean())


def intra_fid(fake_features: np.ndarray, labels: np.ndarray, real_features: np.ndarray,
              real_labels: np.ndarray) -> dict[str, Any]:
    """The mean over classes of the FID between a class's fakes and its real images (classes
    with too few of either are left out and counted)."""
    scores = {}
    for label in np.unique(labels):
        fakes, reals = fake_features[labels == label], real_features[real_labels == label]
        if min(len(fakes), len(reals)) < MIN_PER_CLASS:
            continue
        scores[int(label)] = frechet_distance(*feature_statistics(fakes),
                                              *feature_statistics(reals))
    return {"intra_fid": float(np.mean(list(scores.values()))) if scores else float("nan"),
            "intra_fid_classes": len(scores),
            "intra_fid_worst_class": max(scores, key=scores.__getitem__) if scores else None}


def mode_agreement(points: np.ndarray, labels: np.ndarray, centers: np.ndarray, sigma: float,
                   sigmas: float = 3.0) -> dict[str, Any]:
    """Agreement of each point's nearest mode with its label, and per label the share of its
    points within `sigmas`·σ of its own mode (the lowest such share is reported too)."""
    distances = np.linalg.norm(points[:, None, :] - centers[None], axis=2)
    near = distances[np.arange(len(points)), labels] <= sigmas * sigma
    shares = label_shares(near, labels)
    return {"class_agreement": float((distances.argmin(axis=1) == labels).mean()),
            "class_high_quality": 100.0 * float(near.mean()),
            "class_high_quality_min": 100.0 * min(shares.values())}


def near_own_mode(points: np.ndarray, labels: np.ndarray, centers: np.ndarray, sigma: float,
                  sigmas: float = 3.0) -> dict[int, float]:
    """Per label: the share of its points within `sigmas`·σ of its own mode."""
    near = np.linalg.norm(points - centers[labels], axis=1) <= sigmas * sigma
    return label_shares(near, labels)


def label_shares(flags: np.ndarray, labels: np.ndarray) -> dict[int, float]:
    return {int(k): float(flags[labels == k].mean()) for k in np.unique(labels)}
