"""`gankit train [PRESET | CONFIG.yaml] [key=value ...]` and `gankit train --resume RUN_DIR`."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from gankit.cli.summary import RunSummary, read_last_eval, summary_lines
from gankit.config.load import load_config
from gankit.core.errors import GankitError

if TYPE_CHECKING:
    from gankit.training.engine import Trainer


def run(args: argparse.Namespace) -> int:
    source, overrides = split_items(args.items)
    if source and args.resume:
        raise GankitError("--resume takes the config from the run; give only key=value overrides")
    config = None if args.resume else load_config(source, overrides)
    # Imported after the config is read, so a mistake in it answers without loading torch.
    from gankit.training.runs import resume_run, start_run

    trainer = resume_run(args.resume, overrides) if config is None else start_run(config)
    say = print if trainer.is_main else (lambda *a, **k: None)  # torchrun: rank 0 speaks
    say(f"gankit: run directory {trainer.run_dir.root} ({trainer.parts.precision_note})",
        file=sys.stderr)
    procs = trainer.parts.processes
    if procs.world > 1:
        say(f"gankit: data parallel over {procs.world} processes: global batch "
            f"{trainer.config.batch_size} ({trainer.config.batch_size // procs.world} per "
            f"process), learning rates as configured (g {trainer.config.g_opt.lr:g}, "
            f"d {trainer.config.d_opt.lr:g})", file=sys.stderr)
    if args.resume:
        say(f"gankit: continuing from step {trainer.state.rounds} of {trainer.config.steps}",
            file=sys.stderr)
    started_at, started = trainer.state.rounds, time.perf_counter()
    trainer.fit()
    seconds = time.perf_counter() - started
    if not trainer.is_main:
        return 130 if trainer.stopped_early else 0
    if trainer.stopped_early:
        print(f"gankit: stopped at step {trainer.state.rounds}; checkpoint saved. Continue with "
              f"`gankit train --resume {trainer.run_dir.root}`", file=sys.stderr)
        return 130
    for line in summary_lines(summarise(trainer, seconds, started_at)):
        print(line, file=sys.stderr)
    return 0


def summarise(trainer: Trainer, seconds: float, started_at: int) -> RunSummary:
    run, data = trainer.run_dir, trainer.parts.data
    last_eval = read_last_eval(run.metrics) if trainer.config.eval.every > 0 else None
    return RunSummary(
        root=run.root, samples=run.samples, checkpoints=run.checkpoint.parent,
        steps=trainer.state.rounds, seconds=seconds, started_at=started_at,
        losses=trainer.last_logged, kind=data.kind, conditional=trainer.classes > 0,
        quality=point_quality(trainer), last_eval=last_eval,
        evaluable=data.kind != "tokens" or getattr(data, "oracle", None) is not None)


def point_quality(trainer: Trainer) -> dict[str, Any] | None:
    """Mode coverage of 2500 samples of a 2D run (what `gankit eval RUN` reports); None for
    other data, where measuring quality is not cheap."""
    from gankit.metrics.evaluate import POINTS_N
    from gankit.training.evaluation.generator import evaluate_generator

    parts, config = trainer.parts, trainer.config
    if parts.data.kind != "points":
        return None
    try:
        return evaluate_generator(trainer.sampling_generator(), config.z_dim, config.data,
                                  POINTS_N, config.data_options, source=parts.data,
                                  device=parts.device, classes=trainer.classes)
    except GankitError:  # 2D data without modes to measure against
        return None


def split_items(items: list[str]) -> tuple[str | None, list[str]]:
    """The first item without '=' is the preset or config file; the rest are overrides."""
    if items and "=" not in items[0]:
        source, rest = items[0], items[1:]
    else:
        source, rest = None, items
    stray = [item for item in rest if "=" not in item]
    if stray:
        raise GankitError(f"expected key=value, got {stray[0]!r} (only one preset or file may be given)")
    return source, rest
