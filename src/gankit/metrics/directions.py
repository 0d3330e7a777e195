"""The metrics a run can keep its best checkpoint by, which way each is better, and the default
per kind of data. `mode_score` (2D mixtures) is high_quality/100 × exp(−kl): the share of
high-quality samples times the effective share of modes they fill (exp(−KL to uniform) is the
histogram's perplexity over the number of modes), so 1 is perfect and collapse or blur lowers it."""

from __future__ import annotations

import math

HIGHER, LOWER = "higher", "lower"
POINT_METRICS = {"mode_score": HIGHER, "modes": HIGHER, "high_quality": HIGHER, "kl": LOWER,
                 "class_agreement": HIGHER, "class_high_quality_min": HIGHER}
IMAGE_METRICS = {"fid": LOWER, "kid_mean": LOWER, "precision": HIGHER, "recall": HIGHER,
                 "coverage": HIGHER, "inception_score": HIGHER, "intra_fid": LOWER,
                 "class_agreement": HIGHER}
TOKEN_METRICS = {"nll_oracle": LOWER}
DIRECTIONS = POINT_METRICS | IMAGE_METRICS | TOKEN_METRICS
AUTO = "auto"
DEFAULT_METRIC = {"points": "mode_score", "images": "fid", "tokens": "nll_oracle"}
METRICS_BY_KIND = {"points": POINT_METRICS, "images": IMAGE_METRICS, "tokens": TOKEN_METRICS}
# Measurements worth a TensorBoard curve besides the selectable ones (counts and seeds are not).
EXTRA_MEASURES = ("density", "kid_std", "inception_score_std", "class_high_quality")


def metric_names() -> list[str]:
    """Every name `eval.metric` accepts."""
    return [AUTO, *DIRECTIONS]


def measures(result: dict) -> dict[str, float]:
    """The finite measurements of an evaluation result (no counts, seeds or names)."""
    keys = (*DIRECTIONS, *EXTRA_MEASURES)
    return {k: float(result[k]) for k in keys
            if isinstance(result.get(k), (int, float)) and math.isfinite(result[k])}


def improves(metric: str, value: float, best: float | None) -> bool:
    """Whether `value` of `metric` beats `best` (None: nothing yet; non-finite never wins)."""
    if not math.isfinite(value):
        return False
    if best is None:
        return True
    return value > best if DIRECTIONS[metric] == HIGHER else value < best
