"""Starting and resuming runs: the glue between a Config, a run directory and a Trainer."""

from __future__ import annotations

import os
from pathlib import Path

from gankit.config.load import load_run_config
from gankit.config.schema import Config
from gankit.training.build import build_components
from gankit.training.engine import Trainer
from gankit.training.periodic_eval import check_eval
from gankit.training.run_dir import create_run_dir, open_run_dir, write_run_config


def is_main_process() -> bool:
    """Rank 0 under torchrun (RANK unset means a single process)."""
    return int(os.environ.get("RANK", "0")) == 0


def start_run(config: Config) -> Trainer:
    """Build everything first (so bad data or options fail before any file is written)."""
    parts = build_components(config)
    check_eval(config, parts.data)
    run = create_run_dir(config) if is_main_process() else None
    return Trainer(parts, run, is_main=is_main_process())


def resume_run(run_dir: Path | str, overrides: list[str] | None = None) -> Trainer:
    run = open_run_dir(run_dir)
    config = load_run_config(run.root, overrides or [])
    parts = build_components(config)
    check_eval(config, parts.data)
    trainer = Trainer(parts, run, is_main=is_main_process())
    trainer.resume()
    if overrides and is_main_process():
        # Before any step: a run killed after this point still resumes to the new length.
        write_run_config(run, config)
    return trainer
