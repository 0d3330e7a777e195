"""`gankit eval RUN_DIR | SAMPLES.npz`: print one JSON object with the metrics, what measured
them (extractor, oracle) and on how many samples; `--append` also logs it to the run's
metrics.jsonl."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from gankit.core.device import pick_device
from gankit.core.errors import GankitError
from gankit.core.paths import exists, is_dir
from gankit.metrics.evaluate import evaluate_samples
from gankit.metrics.extractors import EXTRACTORS
from gankit.metrics.sample_files import read_labels, read_samples
from gankit.training.evaluation.generator import eval_record, plain
from gankit.training.logger import append_jsonl
from gankit.training.run_dir import open_run_dir
from gankit.use.evaluate import evaluate_run

INCEPTION = "inception-v3-fid"

def run(args: argparse.Namespace) -> int:
    EXTRACTORS.entry(args.features)
    weights = extractor_weights(args)
    target = Path(args.target)
    if is_dir(target):
        result = evaluate_run_dir(args, target, weights)
    else:
        result = evaluate_file(args, target, weights)
    print(json.dumps(plain(result)))
    return 0


def extractor_weights(args: argparse.Namespace) -> str | None:
    if args.inception_weights is not None and args.features != INCEPTION:
        raise GankitError(f"--inception-weights is for --features {INCEPTION}")
    return args.inception_weights


def evaluate_run_dir(args: argparse.Namespace, target: Path, weights: str | None) -> dict[str, Any]:
    run = open_run_dir(target)
    result, step = evaluate_run(
        run.root, args.data, args.n, seed=args.seed, use_ema=not args.no_ema,
        checkpoint=args.checkpoint, device=args.device, features=args.features,
        weights=weights, split=args.split)
    if args.append:
        append_jsonl(run.metrics, eval_record(step, result))
    return result


def evaluate_file(args: argparse.Namespace, target: Path, weights: str | None) -> dict[str, Any]:
    if args.append:
        raise GankitError("--append needs a run directory (it writes RUN_DIR/metrics.jsonl)")
    if not exists(target):
        raise GankitError(f"no run directory or samples file at {target}")
    if args.data is None:
        raise GankitError("--data NAME is required when evaluating a samples file")
    samples = read_samples(target)
    return evaluate_samples(samples, args.data, n=args.n, seed=args.seed, features=args.features,
                            weights=weights, split=args.split, device=pick_device(args.device),
                            labels=read_labels(target, len(samples)))
