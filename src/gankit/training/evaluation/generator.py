"""Evaluate a generator against a named dataset: draw n samples at a fixed seed and hand the
arrays to `metrics.evaluate`. Also the metrics.jsonl form of a result."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.data.pictures import sample_arrays
from gankit.metrics.evaluate import evaluate_samples
from gankit.nets.sampling import balanced_labels, sample_generator

EVENT = "eval"


def draw_samples(generator: nn.Module, z_dim: int, n: int, seed: int,
                 labels: Tensor | None = None) -> np.ndarray:
    """n samples at latent seed `seed` (of classes `labels` for conditional generators): float32
    N×2 points, int64 N×L token sequences or uint8 N×H×W×C images."""
    if n < 1:
        raise GankitError(f"n must be at least 1, got {n}")
    return sample_arrays(sample_generator(generator, z_dim, n, seed, labels))


def evaluate_generator(generator: nn.Module, z_dim: int, data: str, n: int,
                       data_options: Mapping[str, Any] | None = None, *, seed: int = 0,
                       classes: int = 0, **options: Any) -> dict[str, Any]:
    """Metrics of n samples of `generator` (class-balanced, and judged by class too, for a
    generator of `classes` > 0 classes); `options` go to `metrics.evaluate.evaluate_samples`
    (source, features, weights, split, device)."""
    labels = balanced_labels(n, classes) if classes else None
    samples = draw_samples(generator, z_dim, n, seed, labels)
    return evaluate_samples(samples, data, data_options, n=n, seed=seed,
                            labels=None if labels is None else labels.numpy(), **options)


def plain(result: Mapping[str, Any]) -> dict[str, Any]:
    """`result` with non-finite numbers as None, so it is strict JSON (KL is inf with no
    high-quality samples, for instance)."""
    return {k: None if isinstance(v, float) and not math.isfinite(v) else v
            for k, v in result.items()}


def eval_record(step: int, result: Mapping[str, Any]) -> dict[str, Any]:
    """The metrics.jsonl line of an evaluation: its keys as eval/<name>, like its TensorBoard
    tags, so eval lines and training lines never share a key."""
    return {"step": step, "event": EVENT, **{f"eval/{k}": v for k, v in plain(result).items()}}


def phase_eval_record(phase: str, step: int, result: Mapping[str, Any]) -> dict[str, Any]:
    """An evaluation during a pre-training phase: `step` counts the phase's own steps."""
    return {"phase": phase, **eval_record(step, result)}
