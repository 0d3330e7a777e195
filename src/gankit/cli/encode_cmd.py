"""`gankit encode RUN_DIR --out codes.npz`: standardised codes 𝒩(E(x)) of real images (O-GAN)."""

from __future__ import annotations

import argparse
import sys

import numpy as np

from gankit.cli.encoder_args import check_out, open_run_and_images
from gankit.core.io import atomic_path
from gankit.use.encoding import encode_images


def run(args: argparse.Namespace) -> int:
    out = check_out(args.out, (".npz",))
    trained, real = open_run_and_images(args)
    arrays = {"codes": encode_images(trained, real.images, real.labels).numpy().astype(np.float32)}
    if real.labels is not None:
        arrays["labels"] = real.labels.numpy()
    # numpy's stubs give savez_compressed a keyword allow_pickle: bool beside **arrays
    with atomic_path(out) as tmp, tmp.open("wb") as handle:
        np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]
    print(f"gankit: wrote {len(arrays['codes'])} codes of {real.source} to {out}", file=sys.stderr)
    return 0
