"""`gankit encode RUN_DIR --out codes.npz`: standardised codes 𝒩(E(x)) of real images (O-GAN)."""

from __future__ import annotations

import argparse
import sys

import numpy as np

from gankit.cli.encoder_args import add_common, check_out, open_run_and_images
from gankit.core.io import atomic_path
from gankit.use.encoding import encode_images


def add_parser(verbs: argparse._SubParsersAction) -> None:
    parser = verbs.add_parser("encode", help="codes of real images from an O-GAN run's encoder",
                              description="Writes `codes` (float32 N×z_dim, each row standardised "
                                          "to mean 0 and std 1) and `labels` when the data has "
                                          "them.")
    add_common(parser, n_default=None)
    parser.add_argument("--out", required=True, help="FILE.npz")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = check_out(args.out, (".npz",))
    trained, real = open_run_and_images(args)
    arrays = {"codes": encode_images(trained, real.images, real.labels).numpy().astype(np.float32)}
    if real.labels is not None:
        arrays["labels"] = real.labels.numpy()
    with atomic_path(out) as tmp, tmp.open("wb") as handle:
        np.savez_compressed(handle, **arrays)
    print(f"gankit: wrote {len(arrays['codes'])} codes of {real.source} to {out}", file=sys.stderr)
    return 0
