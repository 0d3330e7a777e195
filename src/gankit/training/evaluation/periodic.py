"""Evaluation during training, every eval.every steps on the main process: the sampling
generator at a fixed latent seed, logged as eval/<name> to TensorBoard and metrics.jsonl, with
the best checkpoint kept by eval.metric. It never draws from the training RNGs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
from torch import nn

from gankit.config.schema import Config
from gankit.data.base import DataSource
from gankit.metrics.directions import measures
from gankit.metrics.plan import EvalPlan, check_evaluable
from gankit.metrics.plan import eval_plan as plan_evaluation
from gankit.training.evaluation.best import BestTracker
from gankit.training.evaluation.generator import eval_record, evaluate_generator, phase_eval_record
from gankit.training.evaluation.pairs import evaluate_pairs
from gankit.training.logger import RunLogger
from gankit.training.run_dir import RunDir

EVAL_SEED = 0  # `gankit eval`'s default, so it reproduces the numbers logged in training


def eval_plan(config: Config, data: DataSource) -> EvalPlan | None:
    e = config.eval
    return plan_evaluation(e.every, e.metric, e.n, config.data, data.kind)


def check_eval(config: Config, data: DataSource) -> None:
    """Everything evaluation will need, checked before a run starts (and writes its folder)."""
    plan = eval_plan(config, data)
    if plan is not None:
        check_evaluable(plan, config.data, data, config.eval.features)


class PeriodicEval:
    """Does nothing when evaluation is off or on processes other than the main one."""

    def __init__(self, config: Config, data: DataSource, run: RunDir | None,
                 device: torch.device, classes: int = 0) -> None:
        self.config, self.data, self.device, self.classes = config, data, device, classes
        self.plan = eval_plan(config, data) if run is not None else None
        self.best: BestTracker | None = None
        if self.plan is not None and config.eval.keep_best:
            assert run is not None  # a plan is made only with a run folder
            self.best = BestTracker(run, self.plan.metric)

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
        assert plan is not None  # evaluation is due only with a plan (`due`)
        with torch.random.fork_rng(devices=cuda_devices(self.device)):
            if self.data.condition == "image":  # image to image: on the fixed test pairs
                return evaluate_pairs(generator, config, plan.n, EVAL_SEED,
                                      features=config.eval.features, device=self.device)
            return evaluate_generator(
                generator, config.z_dim, config.data, plan.n, config.data_options,
                seed=EVAL_SEED, source=self.data, features=config.eval.features,
                device=self.device, classes=self.classes)


def cuda_devices(device: torch.device) -> list[int]:
    """The CUDA device whose RNG fork_rng must restore (none on the CPU)."""
    if device.type != "cuda":
        return []
    return [device.index if device.index is not None else torch.cuda.current_device()]
