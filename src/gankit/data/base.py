"""Data sources hand the engine batches of float tensors, sampled by index from memory.

Images are kept as uint8 N×C×H×W and scaled to [-1, 1] per batch; 2D mixtures are drawn fresh.
Every source can save and restore its sampling position so a resumed run sees the same batches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import numpy as np
import torch
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.core.options import NoOptions
from gankit.data.pictures import picture


@dataclass(frozen=True)
class Preview:
    """What a training preview shows: a picture (uint8 H×W×C, saved `scale` times larger) or
    text lines."""

    picture: np.ndarray | None = None
    text: str | None = None
    scale: int = 2


class DataSource:
    """Base class: `kind`, `shape` (per sample) and `sample(n, rng)`; labelled sources also have
    `classes` (the class names, label k naming class k) and `sample_labelled`.

    `condition` says what `sample_labelled`'s second tensor is: "class" labels, an "image" (the
    source of an image-to-image pair, data/paired/), or None (unlabelled data)."""

    Options: ClassVar[type] = NoOptions
    kind: Literal["points", "images", "tokens"]
    shape: tuple[int, ...]
    labels: Tensor | None = None
    classes: tuple[str, ...] | None = None
    paired: bool = False  # image pairs: sample i's source goes with sample i's target
    masked: bool = False  # image pairs whose sources end in a mask channel (> 0 in a hole)
    condition_shape: tuple[int, ...] = ()  # an "image" condition's shape (a pair's source)

    @property
    def condition(self) -> Literal["class", "image"] | None:
        return "class" if self.labels is not None and self.classes else None

    def sample(self, n: int, rng: torch.Generator) -> Tensor:
        return self.sample_labelled(n, rng)[0]

    def sample_labelled(self, n: int, rng: torch.Generator) -> tuple[Tensor, Tensor | None]:
        """A batch and its int64 labels (None when unlabelled), from the same draws as `sample`."""
        raise NotImplementedError

    def to(self, device: torch.device) -> None:
        """Keep the data on `device` (in-memory sources; a batch is then an index there)."""

    def class_frequencies(self) -> Tensor | None:
        """Each class's share of the data, for drawing the labels of fakes (None: unlabelled)."""
        if self.labels is None or not self.classes:
            return None
        counts = torch.bincount(self.labels.long(), minlength=len(self.classes))
        return counts.float() / counts.sum()

    def preview(self, samples: Tensor, labels: Tensor | None = None) -> Preview:
        """How a batch of generated samples is shown during training; with labels (in class
        order), one row per class."""
        columns = None if labels is None else int(torch.bincount(labels).max())
        return Preview(picture=picture(samples, columns=columns))

    def preview_conditions(self, n: int) -> Tensor | None:
        """Fixed conditions for previews of image-conditioned runs (without touching the
        sampling position); None for every other source."""
        return None

    def preview_count(self, log: Mapping[str, Any]) -> int:
        """How many samples a preview shows, from the run's log settings (log.n_samples; 2D
        sources read log.n_points)."""
        return int(log["n_samples"])

    def state_dict(self) -> dict[str, Any]:
        return {}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Restore the sampling position saved by state_dict."""


class EpochSampler:
    """Indices in shuffled epochs: every item once per epoch, order drawn from `rng`."""

    def __init__(self, size: int) -> None:
        if size <= 0:
            raise ValueError("cannot sample from an empty dataset")
        self.size = size
        self.order = torch.empty(0, dtype=torch.long)
        self.cursor = 0

    def next(self, n: int, rng: torch.Generator) -> Tensor:
        chunks, needed = [], n
        while needed > 0:
            if self.cursor >= len(self.order):
                self.order = torch.randperm(self.size, generator=rng)
                self.cursor = 0
            take = self.order[self.cursor : self.cursor + needed]
            self.cursor += len(take)
            needed -= len(take)
            chunks.append(take)
        return torch.cat(chunks)

    def state_dict(self) -> dict[str, Any]:
        return {"order": self.order.clone(), "cursor": self.cursor}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        order, cursor = saved_position(state)
        if len(order) not in (0, self.size):
            # A resumed run would index past the end of the new data (or silently skip items).
            raise GankitError(f"the data has changed since the run started (it held {len(order)} "
                              f"items, now {self.size}); resume with the original data")
        if len(order) and not 0 <= int(order.min()) <= int(order.max()) < self.size:
            raise GankitError("the checkpoint's sampling position does not fit the data")
        self.order, self.cursor = order.clone(), cursor


def saved_position(state: Any) -> tuple[Tensor, int]:
    """(order, cursor) as EpochSampler.state_dict wrote them; a GankitError for anything else."""
    order = state.get("order") if isinstance(state, dict) else None
    cursor = state.get("cursor") if isinstance(state, dict) else None
    if not (isinstance(order, Tensor) and order.dim() == 1 and order.dtype == torch.long
            and type(cursor) is int and 0 <= cursor <= len(order)):
        raise GankitError("the checkpoint holds no valid sampling position of its data")
    return order, cursor


class InMemoryImages(DataSource):
    """uint8 images N×C×H×W (and optional labels) sampled by index, returned in [-1, 1]."""

    kind = "images"

    def __init__(self, images: Tensor, labels: Tensor | None = None,
                 classes: tuple[str, ...] | None = None) -> None:
        if images.dtype != torch.uint8 or images.dim() != 4:
            raise ValueError("images must be a uint8 tensor of shape N×C×H×W")
        self.images = images
        self.labels = labels
        self.classes = class_names(labels, classes)
        self.shape = tuple(images.shape[1:])
        self.sampler = EpochSampler(len(images))

    def __len__(self) -> int:
        return len(self.images)

    def to(self, device: torch.device) -> None:
        self.images = self.images.to(device)
        self.labels = None if self.labels is None else self.labels.to(device)

    def sample_labelled(self, n: int, rng: torch.Generator) -> tuple[Tensor, Tensor | None]:
        index = self.sampler.next(n, rng).to(self.images.device, non_blocking=True)
        labels = self.labels[index] if self.labels is not None else None
        return to_unit_range(self.images[index]), labels

    def state_dict(self) -> dict[str, Any]:
        return self.sampler.state_dict()

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.sampler.load_state_dict(state)


def class_names(labels: Tensor | None,
                names: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """`names`, or the label values as text ("0", "1", ...) when the data names no classes."""
    if labels is None or len(labels) == 0:
        return None
    if names is not None:
        return tuple(names)
    return tuple(str(k) for k in range(int(labels.max()) + 1))


def to_unit_range(images: Tensor) -> Tensor:
    """uint8 [0, 255] → float32 [-1, 1]."""
    return images.float().div_(127.5).sub_(1.0)
