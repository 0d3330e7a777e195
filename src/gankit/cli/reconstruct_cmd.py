"""`gankit reconstruct RUN_DIR --out FILE`: x̂ = G(𝒩(E(x))) beside x (O-GAN)."""

from __future__ import annotations

import argparse
import sys

import numpy as np

from gankit.cli.encoder_args import check_out, open_run_and_images
from gankit.core.errors import GankitError
from gankit.core.io import atomic_path
from gankit.data.pictures import images_hwc
from gankit.use.encoding import reconstruct_images
from gankit.viz.grid import image_grid, save_png


def run(args: argparse.Namespace) -> int:
    out = check_out(args.out, (".png", ".npz"))
    if not args.temperature > 0:
        raise GankitError(f"--temperature must be positive, got {args.temperature}")
    trained, real = open_run_and_images(args)
    originals = images_hwc(real.images)
    rebuilt = images_hwc(reconstruct_images(trained, real.images, args.temperature,
                                                real.labels))
    if out.suffix.lower() == ".png":
        pairs = np.stack([originals, rebuilt], axis=1).reshape(-1, *originals.shape[1:])
        save_png(image_grid(pairs, columns=16), out, scale=2)
    else:
        with atomic_path(out) as tmp, tmp.open("wb") as handle:
            np.savez_compressed(handle, originals=originals, reconstructions=rebuilt)
    labelled = " (each decoded with its image's true label)" if trained.classes else ""
    print(f"gankit: wrote {len(originals)} reconstructions of {real.source} to {out}{labelled}",
          file=sys.stderr)
    return 0
