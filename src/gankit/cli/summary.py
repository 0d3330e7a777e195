"""What `gankit train` prints when a run finishes: what it did, where it is, how good it is when
that is cheap to say, and what to run next."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gankit.metrics.directions import DIRECTIONS

LOSSES = ("critic/loss", "generator/loss", "d/loss", "g/loss")  # the last two: gankit 0.1
EVAL_PREFIX = "eval/"
EVAL_SHOWN = 5  # measurements of the last evaluation on its line


@dataclass(frozen=True)
class RunSummary:
    root: Path  # the run directory
    samples: Path
    checkpoints: Path
    steps: int  # generator steps done in all
    seconds: float  # wall time of this session's training
    started_at: int = 0  # the step this session started from (a resumed run)
    losses: Mapping[str, float] = field(default_factory=dict)  # the last logged averages
    kind: str = "points"  # of the data: points, images or tokens
    conditional: bool = False
    quality: Mapping[str, Any] | None = None  # mode coverage of 2D samples at the end
    last_eval: Mapping[str, Any] | None = None  # metrics.jsonl's last "eval" record
    evaluable: bool = True  # whether `gankit eval RUN` has something to measure against


def summary_lines(run: RunSummary) -> list[str]:
    """A handful of lines, each starting `gankit: `."""
    lines = [finished(run), f"samples in {run.samples}, checkpoints in {run.checkpoints}"]
    if run.quality:
        lines.append(coverage(run.quality))
    if run.last_eval and not (run.quality and run.last_eval.get("step") == run.steps):
        lines.append(evaluation(run.last_eval))  # unless it measured what `quality` just did
    lines.append(next_commands(run))
    return [f"gankit: {line}" for line in lines]


def finished(run: RunSummary) -> str:
    took = duration(run.seconds)
    done = run.steps - run.started_at
    text = (f"finished {run.steps} steps ({done} of them in {took})" if run.started_at
            else f"finished {run.steps} steps in {took}")
    losses = [f"{key} {run.losses[key]:.4g}" for key in LOSSES if key in run.losses]
    return f"{text}; {', '.join(losses)}" if losses else text


def duration(seconds: float) -> str:
    """12.3 s, 4 min 05 s, 2 h 07 min."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {rest:02d} s"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def coverage(result: Mapping[str, Any]) -> str:
    text = (f"mode coverage of {result['n']} samples: {result['modes']} of "
            f"{result['total_modes']} modes, {result['high_quality']:.1f}% high quality, "
            f"KL {result['kl']:.3g}")
    if "class_agreement" in result:
        text += f", class agreement {result['class_agreement']:.1%}"
    return text


def evaluation(record: Mapping[str, Any]) -> str:
    """The selectable metrics (metrics.directions) of an evaluation record, in their order."""
    values = {key: record.get(EVAL_PREFIX + key) for key in DIRECTIONS}
    shown = [f"{key} {value:.4g}" for key, value in values.items()
             if isinstance(value, (int, float)) and math.isfinite(value)][:EVAL_SHOWN]
    phase = f" of {record['phase']}" if record.get("phase") else ""
    return f"last evaluation (step {record.get('step')}{phase}): {', '.join(shown) or 'no values'}"


def next_commands(run: RunSummary) -> str:
    suffix = ".txt" if run.kind == "tokens" else ".png"
    how_many = "--per-class 8" if run.conditional else "--n 64"
    sample = f"`gankit sample {run.root} {how_many} --out samples{suffix}`"
    if not run.evaluable:
        return f"sample it with {sample}"
    return f"evaluate it with `gankit eval {run.root}`, sample it with {sample}"


def read_last_eval(metrics: Path) -> dict[str, Any] | None:
    """The last line of metrics.jsonl with "event": "eval" (lines that do not parse are
    skipped: a run stopped mid-write may leave half a line)."""
    try:
        lines = metrics.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in reversed(lines):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("event") == "eval":
            return record
    return None
