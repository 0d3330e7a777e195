"""Arguments shared by the O-GAN verbs (encode, reconstruct, interpolate)."""

from __future__ import annotations

import argparse
from pathlib import Path

from gankit.core.errors import GankitError
from gankit.training.run_dir import CHECKPOINTS
from gankit.use.encoding import RealImages, open_encoder_run, real_images
from gankit.use.runs import TrainedGenerator


def add_common(parser: argparse.ArgumentParser, n_default: int | None) -> None:
    parser.add_argument("run_dir", metavar="RUN_DIR", help="a run trained with encoder.enabled=true")
    parser.add_argument("--data", help="dataset name (default: the run's dataset)")
    parser.add_argument("--split", help="dataset split (default: test, when the dataset has one)")
    parser.add_argument("--n", type=int, default=n_default,
                        help="use the first N images" + ("" if n_default is None
                                                         else f" (default {n_default})"))
    parser.add_argument("--no-ema", action="store_true", help="use the raw generator, not its EMA")
    parser.add_argument("--checkpoint", choices=CHECKPOINTS, default="last")
    parser.add_argument("--device", default="auto")


def check_out(out: str, suffixes: tuple[str, ...]) -> Path:
    path = Path(out)
    if path.suffix.lower() not in suffixes:
        raise GankitError(f"--out must end in {' or '.join(suffixes)}, got {path.name!r}")
    return path


def open_run_and_images(args: argparse.Namespace) -> tuple[TrainedGenerator, RealImages]:
    run = open_encoder_run(args.run_dir, not args.no_ema, args.device, args.checkpoint)
    return run, real_images(run, args.data, args.split, args.n)
