"""`gankit interpolate RUN_DIR --out FILE.png`: G along lines between codes of real images."""

from __future__ import annotations

import argparse
import sys

from gankit.cli.encoder_args import check_out, open_run_and_images
from gankit.data.pictures import images_hwc
from gankit.use.encoding import interpolation_rows
from gankit.viz.grid import image_grid, save_png


def run(args: argparse.Namespace) -> int:
    out = check_out(args.out, (".png",))
    trained, real = open_run_and_images(args)
    rows = interpolation_rows(trained, real.images, args.pairs, args.steps, args.seed,
                              real.labels)
    save_png(image_grid(images_hwc(rows), columns=args.steps + 2), out, scale=2)
    print(f"gankit: wrote {args.pairs} interpolations between images of {real.source} to {out}",
          file=sys.stderr)
    return 0
