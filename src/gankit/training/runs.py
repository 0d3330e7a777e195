"""Starting, resuming and reopening runs: the glue between a Config, a run directory and a Trainer."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from torch import nn

from gankit.config.load import load_run_config
from gankit.config.schema import Config
from gankit.errors import GankitError
from gankit.training.build import build_components, build_model, fingerprint
from gankit.training.checkpoint import check_fingerprint, read_checkpoint
from gankit.training.device import pick_device
from gankit.training.engine import Trainer
from gankit.training.run_dir import create_run_dir, open_run_dir


def is_main_process() -> bool:
    """Rank 0 under torchrun (RANK unset means a single process)."""
    return int(os.environ.get("RANK", "0")) == 0


def start_run(config: Config) -> Trainer:
    """Build everything first (so bad data or options fail before any file is written)."""
    parts = build_components(config)
    run = create_run_dir(config) if is_main_process() else None
    return Trainer(parts, run, is_main=is_main_process())


def resume_run(run_dir: Path | str, overrides: Optional[list[str]] = None) -> Trainer:
    run = open_run_dir(run_dir)
    config = load_run_config(run.root, overrides or [])
    trainer = Trainer(build_components(config), run, is_main=is_main_process())
    trainer.resume()
    return trainer


def load_generator(run_dir: Path | str, use_ema: bool = True,
                   device: str = "auto") -> tuple[nn.Module, Config, tuple[int, ...]]:
    """The trained generator of a run (its EMA copy when there is one), in eval mode.

    The data shape comes from the checkpoint, so sampling does not need the training data.
    """
    run = open_run_dir(run_dir)
    config = load_run_config(run.root, [])
    payload = read_checkpoint(run.checkpoint)
    shape = tuple(payload.get("fingerprint", {}).get("data_shape", ()))
    check_fingerprint(payload, fingerprint(config, shape), run.checkpoint)
    generator, _ = build_model(config, shape, pick_device(device))
    weights = payload["generator_ema"] if use_ema and payload.get("generator_ema") else payload["generator"]
    try:
        generator.load_state_dict(weights)
    except RuntimeError:
        raise GankitError(f"{run.checkpoint} does not fit the generator in {run.config}") from None
    return generator.eval(), config, shape


def data_kind(shape: tuple[int, ...]) -> str:
    return "points" if len(shape) == 1 else "images"


