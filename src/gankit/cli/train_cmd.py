"""`gankit train [PRESET | CONFIG.yaml] [key=value ...]` and `gankit train --resume RUN_DIR`."""

from __future__ import annotations

import argparse
import sys

from gankit.config.load import load_config
from gankit.core.errors import GankitError


def run(args: argparse.Namespace) -> int:
    source, overrides = split_items(args.items)
    if source and args.resume:
        raise GankitError("--resume takes the config from the run; give only key=value overrides")
    config = None if args.resume else load_config(source, overrides)
    # Imported after the config is read, so a mistake in it answers without loading torch.
    from gankit.training.runs import resume_run, start_run

    trainer = resume_run(args.resume, overrides) if args.resume else start_run(config)
    print(f"gankit: run directory {trainer.run_dir.root} ({trainer.parts.precision_note})",
          file=sys.stderr)
    if args.resume:
        print(f"gankit: continuing from step {trainer.step} of {trainer.config.steps}",
              file=sys.stderr)
    trainer.fit()
    if trainer.stopped_early:
        print(f"gankit: stopped at step {trainer.step}; checkpoint saved. Continue with "
              f"`gankit train --resume {trainer.run_dir.root}`", file=sys.stderr)
        return 130
    print(f"gankit: finished {trainer.step} steps; samples in {trainer.run_dir.samples}",
          file=sys.stderr)
    return 0


def split_items(items: list[str]) -> tuple[str | None, list[str]]:
    """The first item without '=' is the preset or config file; the rest are overrides."""
    if items and "=" not in items[0]:
        source, rest = items[0], items[1:]
    else:
        source, rest = None, items
    stray = [item for item in rest if "=" not in item]
    if stray:
        raise GankitError(f"expected key=value, got {stray[0]!r} (only one preset or file may be given)")
    return source, rest
