"""Starting and resuming runs: the glue between a Config, a run directory and a Trainer."""

from __future__ import annotations

from pathlib import Path

from gankit.config.load import load_run_config
from gankit.config.schema import Config
from gankit.core.errors import GankitError
from gankit.training.build import build_components
from gankit.training.distributed import share
from gankit.training.engine import Trainer
from gankit.training.evaluation.periodic import check_eval
from gankit.training.run_dir import RunDir, create_run_dir, open_run_dir, write_run_config


def start_run(config: Config) -> Trainer:
    """Build everything first (so bad data or options fail before any file is written). Under
    torchrun rank 0 creates the run folder and every rank learns where it is."""
    parts = build_components(config)
    check_eval(config, parts.data)
    main = parts.processes.main
    outcome: object = None
    if main:
        try:
            outcome = str(create_run_dir(config).root)
        except GankitError as error:
            outcome = error
    outcome = share(outcome)
    if isinstance(outcome, GankitError):
        raise outcome
    return Trainer(parts, RunDir(Path(str(outcome))), is_main=main)


def resume_run(run_dir: Path | str, overrides: list[str] | None = None) -> Trainer:
    run = open_run_dir(run_dir)
    config = load_run_config(run.root, overrides or [])
    parts = build_components(config)
    check_eval(config, parts.data)
    trainer = Trainer(parts, run, is_main=parts.processes.main)
    trainer.resume()
    if overrides and parts.processes.main:
        # Before any step: a run killed after this point still resumes to the new length.
        write_run_config(run, config)
    return trainer
