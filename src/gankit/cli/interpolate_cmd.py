"""`gankit interpolate RUN_DIR --out FILE.png`: G along lines between codes of real images."""

from __future__ import annotations

import argparse
import sys

from gankit.cli.encoder_args import add_common, check_out, open_run_and_images
from gankit.data.pictures import images_hwc
from gankit.use.encoding import interpolation_rows
from gankit.viz.grid import image_grid, save_png


def add_parser(verbs: argparse._SubParsersAction) -> None:
    parser = verbs.add_parser("interpolate", help="interpolations between real images (O-GAN)",
                              description="Each row: a real image, G at `--steps` codes on the "
                                          "straight line between its code and another real "
                                          "image's code, then that other image.")
    add_common(parser, n_default=1000)
    parser.add_argument("--pairs", type=int, default=8, help="rows (default 8)")
    parser.add_argument("--steps", type=int, default=10, help="decoded codes per row (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="which images are paired")
    parser.add_argument("--out", required=True, help="FILE.png")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = check_out(args.out, (".png",))
    trained, real = open_run_and_images(args)
    rows = interpolation_rows(trained, real.images, args.pairs, args.steps, args.seed,
                              real.labels)
    save_png(image_grid(images_hwc(rows), columns=args.steps + 2), out, scale=2)
    print(f"gankit: wrote {args.pairs} interpolations between images of {real.source} to {out}",
          file=sys.stderr)
    return 0
