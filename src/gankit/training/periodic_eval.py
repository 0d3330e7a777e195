"""Evaluation during training, every eval.every steps on the main process: the sampling
generator at a fixed latent seed, logged as eval/<name> to TensorBoard and metrics.jsonl, with
the best checkpoint kept by eval.metric. It never draws from the training RNGs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from gankit.config.schema import Config
from gankit.core.errors import GankitError
from gankit.data.base import DataSource
from gankit.metrics.directions import AUTO, DEFAULT_METRIC, METRICS_BY_KIND, measures
from gankit.metrics.evaluate import POINTS_N, TOKENS_N
from gankit.metrics.extractors import DEFAULT, build_extractor
from gankit.metrics.extractors.classifier import classifier_path
from gankit.metrics.report import MIN_SAMPLES
from gankit.training.best import BestTracker
from gankit.training.evaluation import eval_record, evaluate_generator, phase_eval_record
from gankit.training.logger import RunLogger
from gankit.training.run_dir import RunDir

EVAL_SEED = 0  # `gankit eval`'s default, so it reproduces the numbers logged in training
IMAGES_N = 5000  # fewer than `gankit eval`'s 10000: this runs many times per run
# Token runs use all of TOKENS_N: the paper logs NLL_oracle of 10,000 sequences.


@dataclass(frozen=True)
class EvalPlan:
    every: int
    metric: str  # `auto` resolved
    n: int


def eval_plan(config: Config, data: DataSource) -> EvalPlan | None:
    """The resolved evaluation settings (None when off); a GankitError when they do not fit
    the data."""
    every = config.eval.every
    if every == 0:
        return None
    metrics = METRICS_BY_KIND.get(data.kind)
    if metrics is None:
        raise GankitError(f"eval.every={every}: gankit evaluates 2D points, images and token "
                          f"sequences, but {config.data} holds {data.kind}; set eval.every=0")
    metric = DEFAULT_METRIC[data.kind] if config.eval.metric == AUTO else config.eval.metric
    if metric not in metrics:
        raise GankitError(f"eval.metric={metric} does not apply to {config.data} "
                          f"({data.kind}); choose one of: {', '.join([AUTO, *metrics])}")
    n = config.eval.n or {"points": POINTS_N, "tokens": TOKENS_N}.get(data.kind, IMAGES_N)
    return EvalPlan(every, metric, n)


def check_eval(config: Config, data: DataSource) -> None:
    """Everything evaluation will need, checked before a run starts (and writes its folder)."""
    plan = eval_plan(config, data)
    if plan is None:
        return
    if data.kind == "points" and getattr(data, "centers", None) is None:
        raise GankitError(f"eval.every={plan.every}: {config.data} has no modes to measure "
                          f"coverage against; set eval.every=0")
    if data.kind == "tokens" and getattr(data, "oracle", None) is None:
        raise GankitError(f"eval.every={plan.every}: {config.data} has no oracle to score "
                          f"sequences with (NLL_oracle needs data=oracle); set eval.every=0")
    if data.kind == "images":
        check_image_eval(config, data, plan)


def check_image_eval(config: Config, data: DataSource, plan: EvalPlan) -> None:
    if plan.n < MIN_SAMPLES:
        raise GankitError(f"eval.n must be at least {MIN_SAMPLES} for images, got {plan.n}")
    features, size = config.eval.features, data.shape[-1]
    if features == DEFAULT and not classifier_path(config.data).is_file():
        raise GankitError(
            f"eval.every={plan.every} needs a domain classifier for {config.data}, and there is "
            f"none at {classifier_path(config.data)}; run `gankit train-classifier --data "
            f"{config.data} --image-size {size}` first (or set eval.every=0)")
    extractor = build_extractor(features, config.data)
    extractor.check_images(torch.zeros((1, *data.shape), dtype=torch.uint8))


class PeriodicEval:
    """Does nothing when evaluation is off or on processes other than the main one."""

    def __init__(self, config: Config, data: DataSource, run: RunDir | None,
                 device: torch.device) -> None:
        self.config, self.data, self.device = config, data, device
        self.plan = eval_plan(config, data) if run is not None else None
        keep = self.plan is not None and config.eval.keep_best
        self.best = BestTracker(run, self.plan.metric) if keep else None

    def due(self, step: int) -> bool:
        return self.plan is not None and step % self.plan.every == 0

    def __call__(self, step: int, generator: nn.Module, logger: RunLogger,
                 state: Callable[[], dict]) -> dict[str, Any]:
        """Evaluate, log, and save `state()` as the best checkpoint when the metric improved."""
        result = self.evaluate(generator)
        logger.add_scalars(step, {f"eval/{k}": v for k, v in measures(result).items()})
        logger.write_record(eval_record(step, result))
        if self.best is not None:
            self.best.offer(step, result, state)
        return result

    def during_phase(self, phase: str, step: int, generator: nn.Module,
                     logger: RunLogger) -> dict[str, Any]:
        """Evaluate during a pre-training phase: logged under `<phase>/eval/`, with the
        phase's step count; never a best checkpoint (the game has not started)."""
        if self.plan is None:
            return {}
        result = self.evaluate(generator)
        logger.add_scalars(step, {f"{phase}/eval/{k}": v for k, v in measures(result).items()})
        logger.write_record(phase_eval_record(phase, step, result))
        return result

    def evaluate(self, generator: nn.Module) -> dict[str, Any]:
        config, plan = self.config, self.plan
        with torch.random.fork_rng(devices=cuda_devices(self.device)):
            return evaluate_generator(
                generator, config.z_dim, config.data, plan.n, config.data_options,
                seed=EVAL_SEED, source=self.data, features=config.eval.features,
                device=self.device)


def cuda_devices(device: torch.device) -> list[int]:
    """The CUDA device whose RNG fork_rng must restore (none on the CPU)."""
    if device.type != "cuda":
        return []
    return [device.index if device.index is not None else torch.cuda.current_device()]
