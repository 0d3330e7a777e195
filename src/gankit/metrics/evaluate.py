"""Evaluate generated samples against a named dataset: mode coverage for 2D mixtures, the
image metrics of `report.evaluate_images` for images, NLL_oracle for token sequences. Every
result names what measured it (`metric_set`, and `extractor` for images, `oracle` for tokens)
and how many samples went in."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.data.base import DataSource
from gankit.metrics.conditional import mode_agreement
from gankit.metrics.extractors import DEFAULT
from gankit.metrics.modes import ModeCoverage, mode_coverage
from gankit.metrics.nll_oracle import nll_oracle
from gankit.metrics.real_stats import resizable
from gankit.metrics.report import evaluate_images

POINTS_N = 2500  # the VEEGAN / PacGAN protocol
IMAGES_N = 10000
TOKENS_N = 10000  # SeqGAN's official code scores 9,984 generated sequences
HIGH_QUALITY_SIGMAS = 3.0
DEFAULT_N = {"points": POINTS_N, "tokens": TOKENS_N, "images": IMAGES_N}


def evaluate_samples(samples: np.ndarray, data: str, data_options: Mapping[str, Any] | None = None,
                     *, source: DataSource | None = None, n: int | None = None, seed: int = 0,
                     features: str = DEFAULT, weights: str | None = None, split: str = "test",
                     device: str | torch.device = "cpu",
                     labels: np.ndarray | None = None) -> dict[str, Any]:
    """Metrics of `samples` (float N×2 points, integer N×L token sequences, or uint8 N×H×W[×C]
    images) against `data`; with the `labels` the samples were drawn for (conditional
    generators), also how well they match their classes (metrics.conditional).

    `n` caps how many samples are used (default: POINTS_N, TOKENS_N or IMAGES_N, or all there
    are when fewer); asking for more than there are is an error. `source` is the loaded dataset
    when the caller has it. `features`, `weights` and `split` apply to images only.
    """
    samples = np.asarray(samples)
    kind = sample_kind(samples)
    n = sample_count(len(samples), n, DEFAULT_N[kind])
    labels = check_labels(labels, len(samples), kind)
    if kind == "tokens":
        source = source if source is not None else load_dataset(data, data_options)
        return evaluate_tokens(samples, source, data, n, seed)
    if kind == "points":
        source = source if source is not None else load_dataset(data, data_options)
        return evaluate_points(samples, source, data, n, seed, labels)
    check_image_data(data, source, samples)
    result = evaluate_images(samples, data, split=split, extractor=features, n=n, seed=seed,
                             weights=weights, device=device, labels=labels)
    return {"metric_set": "image-features", **result}


def check_labels(labels: np.ndarray | None, count: int, kind: str) -> np.ndarray | None:
    if labels is None:
        return None
    labels = np.asarray(labels)
    if kind == "tokens":
        raise GankitError("token sequences are not evaluated by class; leave out the labels")
    if labels.shape != (count,) or labels.dtype.kind not in "iu" or (labels < 0).any():
        raise GankitError(f"labels must be {count} non-negative integers, one per sample")
    return labels.astype(np.int64)


def evaluate_points(points: np.ndarray, source: DataSource, data: str, n: int,
                    seed: int = 0, labels: np.ndarray | None = None) -> dict[str, Any]:
    """Mode coverage of (at most `n`, drawn with `seed`) points against the source's modes; with
    labels, how well each point matches its label's mode."""
    centers, sigma = getattr(source, "centers", None), getattr(source, "sigma", None)
    if centers is None or sigma is None:
        raise GankitError(f"dataset {data!r} has no modes to measure 2D points against; "
                          f"use a 2D mixture such as ring or grid")
    keep = subsample(np.arange(len(points)), n, seed)
    points, centers = points[keep], np.asarray(centers)
    coverage = mode_coverage(points, centers, float(sigma), HIGH_QUALITY_SIGMAS)
    result = {"metric_set": "mode-coverage", "data": data, "n": len(points), "seed": seed,
              "sigma": float(sigma), "threshold_sigmas": HIGH_QUALITY_SIGMAS,
              "modes": coverage.modes, "total_modes": coverage.total_modes,
              "high_quality": coverage.high_quality, "kl": coverage.kl,
              "mode_score": mode_score(coverage)}
    if labels is not None:
        if labels.max() >= len(centers):
            raise GankitError(f"labels must lie in 0 to {len(centers) - 1}, the modes of {data}")
        result |= mode_agreement(points, labels[keep], centers, float(sigma), HIGH_QUALITY_SIGMAS)
    return result


def evaluate_tokens(tokens: np.ndarray, source: DataSource, data: str, n: int,
                    seed: int = 0) -> dict[str, Any]:
    """NLL_oracle of (at most `n`, drawn with `seed`) sequences under the source's oracle."""
    oracle = getattr(source, "oracle", None)
    if oracle is None:
        raise GankitError(f"dataset {data!r} has no oracle to score sequences with; NLL_oracle "
                          f"needs the synthetic `oracle` dataset")
    tokens = subsample(tokens, n, seed)
    return {"metric_set": "nll-oracle", "data": data, "oracle": oracle.identity,
            "n": len(tokens), "length": int(tokens.shape[1]), "seed": seed,
            "nll_oracle": nll_oracle(tokens, oracle)}


def mode_score(coverage: ModeCoverage) -> float:
    """high_quality/100 × exp(−kl), in [0, 1]; see metrics.directions."""
    return coverage.high_quality / 100.0 * math.exp(-coverage.kl)


def is_points(samples: np.ndarray) -> bool:
    return samples.ndim == 2 and samples.shape[1] == 2 and samples.dtype.kind == "f"


def is_tokens(samples: np.ndarray) -> bool:
    """Integer N×L arrays other than uint8 (which are images)."""
    return samples.ndim == 2 and samples.dtype.kind in "iu" and samples.dtype != np.uint8


def sample_kind(samples: np.ndarray) -> str:
    return "tokens" if is_tokens(samples) else "points" if is_points(samples) else "images"


def sample_count(available: int, n: int | None, default: int) -> int:
    """`n`, or the default capped at what is available; an error when `n` asks for more."""
    if available == 0:
        raise GankitError("there are no samples to evaluate")
    if n is None:
        return min(default, available)
    if n < 1:
        raise GankitError(f"n must be at least 1, got {n}")
    if n > available:
        raise GankitError(f"asked to evaluate n={n} samples, but there are only {available}")
    return n


def subsample(samples: np.ndarray, n: int, seed: int) -> np.ndarray:
    """`samples` when there are `n`, else `n` of them drawn with `seed` (order kept)."""
    if len(samples) <= n:
        return samples
    order = torch.randperm(len(samples), generator=torch.Generator().manual_seed(seed))
    return samples[order[:n].sort().values.numpy()]


def check_image_data(data: str, source: DataSource | None, samples: np.ndarray) -> None:
    """Refuse image samples against a dataset of points (or other non-images) early."""
    if samples.dtype != np.uint8:
        raise GankitError(f"image samples must be uint8 in 0..255, got {samples.dtype} of "
                          f"shape {'×'.join(map(str, samples.shape))}")
    # Every image dataset takes image_size, so only other names need loading to be checked.
    if source is None and resizable(data):
        return
    kind = (source if source is not None else load_dataset(data)).kind
    if kind != "images":
        raise GankitError(f"the samples are images but dataset {data!r} holds {kind}")
