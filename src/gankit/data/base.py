"""Data sources hand the engine batches of float tensors, sampled by index from memory.

Images are kept as uint8 N×C×H×W and scaled to [-1, 1] per batch; 2D mixtures are drawn fresh.
Every source can save and restore its sampling position so a resumed run sees the same batches.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

import torch
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.core.options import NoOptions


class DataSource:
    """Base class: `kind`, `shape` (per sample) and `sample(n, rng)`."""

    Options: ClassVar[type] = NoOptions
    kind: Literal["points", "images", "tokens"]
    shape: tuple[int, ...]
    labels: Tensor | None = None

    def sample(self, n: int, rng: torch.Generator) -> Tensor:
        raise NotImplementedError

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


def to_uint8(images: Tensor) -> Tensor:
    """float [-1, 1] → uint8 [0, 255] (clamped)."""
    return ((images.detach().float().clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)
