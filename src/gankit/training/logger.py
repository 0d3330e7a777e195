"""Where training numbers and pictures go: metrics.jsonl, TensorBoard, and the progress bar.

Every metrics.jsonl line carries `at`, the steps done when it was written (pre-training steps
included), and TensorBoard's x-axis is the same count, so a resumed run can drop what was
logged after its checkpoint and no step appears twice. Non-finite values are written as null,
so every line is strict JSON."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import Tensor
from tqdm import tqdm

from gankit.core.errors import GankitError
from gankit.core.io import write_text_atomic
from gankit.core.step import Terms
from gankit.training.run_dir import RunDir

if TYPE_CHECKING:
    from torch.utils.tensorboard import SummaryWriter


class RunLogger:
    """Only the main process builds one with `enabled=True`; others log nothing.

    Loss terms are summed as tensors on the run's device and read once per flush, so the host
    does not wait for the device inside a step; an update's terms are summed as one tensor (a
    kernel or two a step rather than one per term)."""

    def __init__(self, run: RunDir, total_steps: int, start_step: int, tensorboard: bool,
                 progress: bool, enabled: bool = True, device: torch.device | None = None) -> None:
        self.enabled = enabled
        self.run = run
        self.at = start_step  # steps done: metrics.jsonl's `at` and TensorBoard's x-axis
        self.device = device or torch.device("cpu")
        self._sums: dict[tuple[str, ...], Tensor] = {}  # an update's keys -> their sums
        self._counts: dict[str, int] = defaultdict(int)
        self._writer = _tensorboard_writer(run, start_step) if enabled and tensorboard else None
        self._bar = tqdm(total=total_steps, initial=start_step, unit="step", dynamic_ncols=True,
                         disable=not (enabled and progress))

    def accumulate(self, prefix: str, terms: Terms) -> None:
        """Add an update's terms as `<prefix>/<name>`, and their sum as `<prefix>/loss`."""
        named = {**terms.losses, **terms.stats}
        if terms.losses:
            named["loss"] = terms.total()
        if not named:
            return
        keys = tuple(f"{prefix}/{name}" for name in named)
        values = torch.stack([v.detach().to(self.device, torch.float32) for v in named.values()])
        if keys in self._sums:
            self._sums[keys] += values
        else:
            self._sums[keys] = values
        for key in keys:
            self._counts[key] += 1

    def flush_scalars(self, step: int, extra: dict[str, float]) -> dict[str, float]:
        """Write the averages since the last flush (plus `extra`) everywhere; return them."""
        keys = [key for group in self._sums for key in group]
        values = torch.cat(list(self._sums.values())).tolist() if keys else []
        sums: dict[str, float] = {}
        for key, value in zip(keys, values):  # a key in two groups: an update's terms changed
            sums[key] = sums.get(key, 0.0) + value
        means = {k: v / self._counts[k] for k, v in sums.items()}
        means.update(extra)
        self._sums.clear()
        self._counts.clear()
        if self.enabled:
            self.write_record({"step": step, **{k: round(v, 6) for k, v in means.items()}})
            self.add_scalars(step, means)
            self._bar.set_postfix(_short(means), refresh=False)
        return means

    def rewind(self, at: int) -> None:
        """Back to `at` steps (a rollback): drop what was logged and accumulated after it."""
        self._sums.clear()
        self._counts.clear()
        if not self.enabled:
            return
        trim_metrics(self.run.metrics, at)
        self._bar.n = self.at = at
        if self._writer is not None:
            self._writer.close()
            self._writer = _tensorboard_writer(self.run, at)

    def pending(self) -> bool:
        """Whether terms were accumulated since the last flush."""
        return bool(self._sums)

    def advance(self, steps: int = 1) -> None:
        self.at += steps
        self._bar.update(steps)

    def image(self, tag: str, picture: np.ndarray, step: int) -> None:
        if self._writer is not None:
            self._writer.add_image(tag, picture, self.at, dataformats="HWC")

    def text(self, tag: str, text: str, step: int) -> None:
        """TensorBoard's text tab (indented, so it shows as preformatted lines)."""
        if self._writer is not None:
            lines = "\n".join(f"    {line}" for line in text.splitlines())
            self._writer.add_text(tag, lines, self.at)

    def write_record(self, record: dict) -> None:
        if self.enabled:
            append_jsonl(self.run.metrics, {**record, "at": self.at})

    def add_scalars(self, step: int, values: dict[str, float]) -> None:
        """TensorBoard only (write_record is the metrics.jsonl side); non-finite values are
        left out."""
        if self._writer is not None:
            for key, value in values.items():
                if math.isfinite(value):
                    self._writer.add_scalar(key, value, self.at)

    def close(self) -> None:
        self._bar.close()
        if self._writer is not None:
            self._writer.close()



def strict(value: object) -> object:
    """JSON's numbers are finite: NaN and ±inf become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def append_jsonl(path: Path, record: dict) -> None:
    line = json.dumps({k: strict(v) for k, v in record.items()}, allow_nan=False)
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
    except OSError as error:
        raise GankitError(f"cannot write {path}: {error.strerror or error}") from None


def trim_metrics(path: Path, at: int) -> None:
    """Drop the lines logged after `at` steps (a resume from a checkpoint at `at` logs them
    again); lines without `at` (older runs) stay."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return
    lines = text.splitlines()
    kept = [line for line in lines if logged_by(line, at)]
    # a last line whose newline a crash cut off would join the next line appended to it
    if len(kept) != len(lines) or (text and not text.endswith("\n")):
        write_text_atomic(path, "".join(f"{line}\n" for line in kept), durable=True)


def logged_by(line: str, at: int) -> bool:
    try:
        record = json.loads(line)
    except ValueError:
        return False  # a line cut short by a crash
    return not isinstance(record, dict) or not isinstance(record.get("at"), int) or \
        record["at"] <= at


def _tensorboard_writer(run: RunDir, start: int) -> SummaryWriter | None:
    """A writer that hides what an earlier process logged after `start` steps (resumes)."""
    from torch.utils.tensorboard import SummaryWriter

    return SummaryWriter(log_dir=str(run.tensorboard), purge_step=start if start else None)


def _short(means: dict[str, float]) -> dict[str, str]:
    keep = {k: v for k, v in means.items() if k in ("critic/loss", "generator/loss")}  # tqdm shows step/s
    return {k.split("/")[0]: f"{v:.3g}" for k, v in keep.items()}
