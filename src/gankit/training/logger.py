"""Where training numbers and pictures go: metrics.jsonl, TensorBoard, and the progress bar."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch
from torch import Tensor
from tqdm import tqdm

from gankit.core.errors import GankitError
from gankit.core.step import Terms
from gankit.training.run_dir import RunDir


class RunLogger:
    """Only the main process builds one with `enabled=True`; others log nothing.

    Loss terms are summed as tensors on the run's device and read once per flush, so the host
    does not wait for the device inside a step."""

    def __init__(self, run: RunDir, total_steps: int, start_step: int, tensorboard: bool,
                 progress: bool, enabled: bool = True, device: torch.device | None = None) -> None:
        self.enabled = enabled
        self.run = run
        self.device = device or torch.device("cpu")
        self._sums: dict[str, Tensor] = {}
        self._counts: dict[str, int] = defaultdict(int)
        self._writer = _tensorboard_writer(run) if enabled and tensorboard else None
        self._bar = tqdm(total=total_steps, initial=start_step, unit="step", dynamic_ncols=True,
                         disable=not (enabled and progress))

    def accumulate(self, prefix: str, terms: Terms) -> None:
        """Add an update's terms as `<prefix>/<name>`, and their sum as `<prefix>/loss`."""
        named = {**terms.losses, **terms.stats}
        if terms.losses:
            named["loss"] = terms.total()
        for name, value in named.items():
            key = f"{prefix}/{name}"
            value = value.detach().to(self.device, torch.float32)
            self._sums[key] = self._sums[key] + value if key in self._sums else value
            self._counts[key] += 1

    def flush_scalars(self, step: int, extra: dict[str, float]) -> dict[str, float]:
        """Write the averages since the last flush (plus `extra`) everywhere; return them."""
        keys = list(self._sums)
        values = torch.stack([self._sums[k] for k in keys]).tolist() if keys else []
        means = {k: v / self._counts[k] for k, v in zip(keys, values)}
        means.update(extra)
        self._sums.clear()
        self._counts.clear()
        if self.enabled:
            self._write_jsonl(step, means)
            if self._writer is not None:
                for key, value in means.items():
                    self._writer.add_scalar(key, value, step)
            self._bar.set_postfix(_short(means), refresh=False)
        return means

    def advance(self, steps: int = 1) -> None:
        self._bar.update(steps)

    def image(self, tag: str, picture: np.ndarray, step: int) -> None:
        if self._writer is not None:
            self._writer.add_image(tag, picture, step, dataformats="HWC")

    def text(self, tag: str, text: str, step: int) -> None:
        """TensorBoard's text tab (indented, so it shows as preformatted lines)."""
        if self._writer is not None:
            self._writer.add_text(tag, "\n".join(f"    {line}" for line in text.splitlines()), step)

    def write_record(self, record: dict) -> None:
        if self.enabled:
            append_jsonl(self.run.metrics, record)

    def add_scalars(self, step: int, values: dict[str, float]) -> None:
        """TensorBoard only (write_record is the metrics.jsonl side)."""
        if self._writer is not None:
            for key, value in values.items():
                self._writer.add_scalar(key, value, step)

    def close(self) -> None:
        self._bar.close()
        if self._writer is not None:
            self._writer.close()

    def _write_jsonl(self, step: int, means: dict[str, float]) -> None:
        self.write_record({"step": step, **{k: round(v, 6) for k, v in means.items()}})


def append_jsonl(path: Path, record: dict) -> None:
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
    except OSError as error:
        raise GankitError(f"cannot write {path}: {error.strerror or error}") from None


def _tensorboard_writer(run: RunDir) -> object | None:
    from torch.utils.tensorboard import SummaryWriter

    return SummaryWriter(log_dir=str(run.tensorboard))


def _short(means: dict[str, float]) -> dict[str, str]:
    keep = {k: v for k, v in means.items() if k in ("d/loss", "g/loss")}  # tqdm shows step/s
    return {k.split("/")[0]: f"{v:.3g}" for k, v in keep.items()}
