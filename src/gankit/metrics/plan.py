"""Evaluation during training: which metric a run keeps its best checkpoint by, how many samples
each evaluation draws, and whether the data can be evaluated at all, checked before a run starts
(and writes its folder)."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from gankit.core.errors import GankitError
from gankit.data.base import DataSource
from gankit.metrics.directions import AUTO, DEFAULT_METRIC, METRICS_BY_KIND
from gankit.metrics.evaluate import POINTS_N, TOKENS_N
from gankit.metrics.extractors import DEFAULT, build_extractor
from gankit.metrics.extractors.classifier import classifier_path
from gankit.metrics.report import MIN_SAMPLES

IMAGES_N = 5000  # fewer than `gankit eval`'s 10000: this runs many times per run
# Token runs use all of TOKENS_N: the paper logs NLL_oracle of 10,000 sequences.
TRAINING_N = {"points": POINTS_N, "tokens": TOKENS_N, "images": IMAGES_N}


@dataclass(frozen=True)
class EvalPlan:
    every: int
    metric: str  # `auto` resolved
    n: int


def eval_plan(every: int, metric: str, n: int | None, data_name: str,
              kind: str) -> EvalPlan | None:
    """The resolved settings (None when `every` is 0); a GankitError when they do not fit."""
    if every == 0:
        return None
    metrics = METRICS_BY_KIND.get(kind)
    if metrics is None:
        raise GankitError(f"eval.every={every}: gankit evaluates 2D points, images and token "
                          f"sequences, but {data_name} holds {kind}; set eval.every=0")
    metric = DEFAULT_METRIC[kind] if metric == AUTO else metric
    if metric not in metrics:
        raise GankitError(f"eval.metric={metric} does not apply to {data_name} "
                          f"({kind}); choose one of: {', '.join([AUTO, *metrics])}")
    return EvalPlan(every, metric, n or TRAINING_N[kind])


def check_evaluable(plan: EvalPlan, data_name: str, data: DataSource, features: str) -> None:
    """What evaluating `data` needs: modes for 2D points, an oracle for token sequences, a
    usable feature extractor for images."""
    if data.kind == "points" and getattr(data, "centers", None) is None:
        raise GankitError(f"eval.every={plan.every}: {data_name} has no modes to measure "
                          f"coverage against; set eval.every=0")
    if data.kind == "tokens" and getattr(data, "oracle", None) is None:
        raise GankitError(f"eval.every={plan.every}: {data_name} has no oracle to score "
                          f"sequences with (NLL_oracle needs data=oracle); set eval.every=0")
    if data.kind == "images":
        check_image_features(plan, data_name, data, features)


def check_image_features(plan: EvalPlan, data_name: str, data: DataSource, features: str) -> None:
    if plan.n < MIN_SAMPLES:
        raise GankitError(f"eval.n must be at least {MIN_SAMPLES} for images, got {plan.n}")
    if features == DEFAULT and not classifier_path(data_name).is_file():
        raise GankitError(
            f"eval.every={plan.every} needs a domain classifier for {data_name}, and there is "
            f"none at {classifier_path(data_name)}; run `gankit train-classifier --data "
            f"{data_name} --image-size {data.shape[-1]}` first (or set eval.every=0)")
    extractor = build_extractor(features, data_name)
    extractor.check_images(torch.zeros((1, *data.shape), dtype=torch.uint8))
