"""Data sources hand the engine batches of float tensors, sampled by index from memory.

Images are kept as uint8 N×C×H×W and scaled to [-1, 1] per batch; 2D mixtures are drawn fresh.
Every source can save and restore its sampling position so a resumed run sees the same batches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import numpy as np
import torch
from torch import Tensor

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
    """Base class: `kind`, `shape` (per sample) and `sample(n, rng)`."""

    Options: ClassVar[type] = NoOptions
    kind: Literal["points", "images", "tokens"]
    shape: tuple[int, ...]
    labels: Tensor | None = None

    def sample(self, n: int, rng: torch.Generator) -> Tensor:
        raise NotImplementedError

    def preview(self, samples: Tensor) -> Preview:
        """How a batch of generated samples is shown during training."""
        return Preview(picture=picture(samples))

    def preview_count(self, n_samples: int, n_points: int) -> int:
        """How many samples a preview shows, given log.n_samples and log.n_points."""
        return n_samples

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
        self.order = state["order"].clone()
        self.cursor = int(state["cursor"])


class InMemoryImages(DataSource):
    """uint8 images N×C×H×W (and optional labels) sampled by index, returned in [-1, 1]."""

    kind = "images"

    def __init__(self, images: Tensor, labels: Tensor | None = None) -> None:
        if images.dtype != torch.uint8 or images.dim() != 4:
            raise ValueError("images must be a uint8 tensor of shape N×C×H×W")
        self.images = images
        self.labels = labels
        self.shape = tuple(images.shape[1:])
        self.sampler = EpochSampler(len(images))

    def __len__(self) -> int:
        return len(self.images)

    def sample(self, n: int, rng: torch.Generator) -> Tensor:
        return to_unit_range(self.images[self.sampler.next(n, rng)])

    def state_dict(self) -> dict[str, Any]:
        return self.sampler.state_dict()

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.sampler.load_state_dict(state)


def to_unit_range(images: Tensor) -> Tensor:
    """uint8 [0, 255] → float32 [-1, 1]."""
    return images.float().div_(127.5).sub_(1.0)
