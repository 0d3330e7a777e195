"""`gankit sample RUN_DIR --n N --out FILE`: .npz arrays or a .png grid / scatter plot."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from gankit.errors import GankitError
from gankit.io import atomic_path
from gankit.training.run_dir import CHECKPOINTS
from gankit.training.runs import data_kind, load_generator
from gankit.training.sampling import images_hwc, picture, sample_generator
from gankit.viz.grid import save_png

FORMATS = (".npz", ".png")


def add_parser(verbs: argparse._SubParsersAction) -> None:
    parser = verbs.add_parser("sample", help="draw samples from a trained run")
    parser.add_argument("run_dir", metavar="RUN_DIR")
    parser.add_argument("--n", type=int, default=64, help="number of samples (default 64)")
    parser.add_argument("--out", required=True, help="FILE.npz (arrays) or FILE.png (picture)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the latent draws")
    parser.add_argument("--no-ema", action="store_true", help="use the raw generator, not its EMA")
    parser.add_argument("--checkpoint", choices=CHECKPOINTS, default="last",
                        help="last, or best (kept by training with eval.every)")
    parser.add_argument("--device", default="auto")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in FORMATS:
        raise GankitError(f"--out must end in {' or '.join(FORMATS)}, got {out.name!r}")
    if args.n < 1:
        raise GankitError(f"--n must be at least 1, got {args.n}")
    generator, config, shape = load_generator(args.run_dir, not args.no_ema, args.device,
                                              args.checkpoint)
    samples = sample_generator(generator, config.z_dim, args.n, args.seed)
    if out.suffix.lower() == ".png":
        save_png(picture(samples), out, scale=1 if data_kind(shape) == "points" else 2)
    else:
        write_npz(out, samples, data_kind(shape))
    print(f"gankit: wrote {args.n} samples to {out}", file=sys.stderr)
    return 0


def write_npz(out: Path, samples, kind: str) -> None:
    arrays = {"points": samples.numpy().astype(np.float32)} if kind == "points" \
        else {"images": images_hwc(samples)}
    with atomic_path(out) as tmp, tmp.open("wb") as handle:
        np.savez_compressed(handle, **arrays)
