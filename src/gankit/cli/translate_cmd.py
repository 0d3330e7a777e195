"""`gankit translate RUN_DIR --input IMAGE|FOLDER|SOURCES.npz --out FOLDER|FILE.npz`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gankit.core.errors import GankitError
from gankit.use.runs import open_generator
from gankit.use.translate import read_sources, translate, write_outputs


def run(args: argparse.Namespace) -> int:
    if args.batch < 1:
        raise GankitError(f"--batch must be at least 1, got {args.batch}")
    out = Path(args.out)
    if out.suffix and out.suffix.lower() != ".npz":
        raise GankitError(f"--out must be a folder or end in .npz, got {out.name!r}")
    loaded = open_generator(args.run_dir, not args.no_ema, args.device, args.checkpoint)
    if loaded.source_shape is None:
        raise GankitError(f"{args.run_dir} is not an image-to-image run: it draws from noise "
                          f"(use `gankit sample`)")
    masked = loaded.source_shape[0] == loaded.shape[0] + 1
    sources = read_sources(Path(args.input), loaded.source_shape[0], masked)
    outputs = translate(loaded, sources, masked, args.batch)
    write_outputs(out, sources.names, outputs)
    print(f"gankit: translated {len(outputs)} image(s) to {out}", file=sys.stderr)
    return 0
