"""What the O-GAN verbs (encode, reconstruct, interpolate) share when they run; their arguments
are in cli.verbs."""

from __future__ import annotations

import argparse
from pathlib import Path

from gankit.core.errors import GankitError
from gankit.use.encoding import RealImages, open_encoder_run, real_images
from gankit.use.runs import TrainedGenerator


def check_out(out: str, suffixes: tuple[str, ...]) -> Path:
    path = Path(out)
    if path.suffix.lower() not in suffixes:
        raise GankitError(f"--out must end in {' or '.join(suffixes)}, got {path.name!r}")
    return path


def open_run_and_images(args: argparse.Namespace) -> tuple[TrainedGenerator, RealImages]:
    run = open_encoder_run(args.run_dir, not args.no_ema, args.device, args.checkpoint)
    return run, real_images(run, args.data, args.split, args.n)
