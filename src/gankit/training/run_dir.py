"""The layout of a run directory: config.yaml, checkpoints/, samples/, metrics.jsonl, tensorboard/."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from gankit.config.load import config_to_yaml
from gankit.config.schema import Config
from gankit.core.errors import GankitError
from gankit.core.io import make_folder, write_text_atomic
from gankit.core.paths import exists, is_dir, is_file

CHECKPOINTS = ("last", "best")


@dataclass(frozen=True)
class RunDir:
    root: Path

    @property
    def config(self) -> Path:
        return self.root / "config.yaml"

    @property
    def checkpoints(self) -> Path:
        return self.root / "checkpoints"

    @property
    def checkpoint(self) -> Path:
        """The newest checkpoint's hard link (the index, checkpoints/index.json, rules)."""
        return self.checkpoints / "last.pt"

    @property
    def best_checkpoint(self) -> Path:
        """The checkpoint with the best evaluation so far (eval.every and eval.keep_best)."""
        return self.root / "checkpoints" / "best.pt"

    @property
    def best(self) -> Path:
        """best.json: the metric, its best value and the step it was reached at."""
        return self.root / "best.json"

    def checkpoint_file(self, which: str) -> Path:
        """`last` or `best`."""
        if which not in CHECKPOINTS:
            raise GankitError(f"checkpoint must be one of {', '.join(CHECKPOINTS)}, got {which!r}")
        if which == "last":
            # Imported here: the CLI's parsers read CHECKPOINTS from this module without torch.
            from gankit.training.checkpoints.store import CheckpointStore

            return CheckpointStore(self.checkpoints).newest()
        path = self.best_checkpoint
        if not is_file(path):
            raise GankitError(f"{self.root} has no best checkpoint; it is kept by runs trained "
                              f"with eval.every=N (and eval.keep_best=true)")
        return path

    @property
    def samples(self) -> Path:
        return self.root / "samples"

    @property
    def metrics(self) -> Path:
        return self.root / "metrics.jsonl"

    @property
    def tensorboard(self) -> Path:
        return self.root / "tensorboard"


def default_run_name(config: Config) -> str:
    stem = config.preset or f"{config.objective}-{config.data.split(':')[0]}"
    return f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}"


def create_run_dir(config: Config) -> RunDir:
    """A fresh run directory; refuses to reuse one that already holds a run."""
    root = Path(config.out) if config.out else Path("runs") / default_run_name(config)
    run = RunDir(root)
    if exists(run.config) or exists(run.checkpoint) or exists(run.checkpoints / "index.json"):
        raise GankitError(f"{root} already holds a run; continue it with "
                          f"`gankit train --resume {root}` or choose another out=")
    if exists(root) and not is_dir(root):
        raise GankitError(f"out={root} exists and is not a directory")
    make_folder(root, f"cannot create out={root}")
    config.out = str(root)
    write_run_config(run, config)
    return run


def write_run_config(run: RunDir, config: Config) -> None:
    """config.yaml: every value the run uses (rewritten when a resume changes steps, log, eval
    or device, so later resumes keep the change)."""
    write_text_atomic(run.config, config_to_yaml(config))


def open_run_dir(path: Path | str) -> RunDir:
    run = RunDir(Path(path))
    if not is_file(run.config):
        raise GankitError(f"{path} is not a gankit run directory (no config.yaml)")
    return run
