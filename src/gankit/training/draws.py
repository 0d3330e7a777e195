"""What updates draw, from the run's two seeded streams: real batches (and, in conditional runs,
their conditions: classes or source images) from the data stream; latent batches and the classes
fakes are drawn for from the training stream. Fakes of image-conditioned runs are generated for the
real batch's own sources, so each fake's target is the real sample beside it. Both streams are
checkpointed, so a resumed run draws what it would have."""

from __future__ import annotations

import torch
from torch import Tensor

from gankit.core.step import RealData
from gankit.data.base import DataSource
from gankit.training.distributed import Processes


class Draws:
    """Under torchrun each process draws the global batch and keeps its shard of it."""

    def __init__(self, data: DataSource, batch_size: int, z_dim: int, device: torch.device,
                 seed: int, class_frequencies: Tensor | None = None,
                 processes: Processes | None = None, sources: bool = False) -> None:
        self.data, self.batch_size, self.z_dim, self.device = data, batch_size, z_dim, device
        self.class_frequencies, self.sources = class_frequencies, sources
        self.shard = (processes or Processes()).shard
        self.data_rng = torch.Generator().manual_seed(seed)
        self.rng = torch.Generator(device=device).manual_seed(seed + 1)
        self.last: tuple[Tensor, Tensor | None] | None = None  # what real="last" reuses

    def real(self, which: RealData) -> tuple[Tensor, Tensor | None]:
        """A fresh real batch, the last one again, or none (an empty batch)."""
        if which == "none":
            return torch.empty((0, *self.data.shape), device=self.device), None
        if which == "fresh" or self.last is None:
            if self.class_frequencies is None and not self.sources:
                real = self.data.sample(self.batch_size, self.data_rng)
                self.last = self.shard(real).to(self.device), None
            else:
                real, condition = self.data.sample_labelled(self.batch_size, self.data_rng)
                assert condition is not None  # conditional runs train on labelled or paired data
                self.last = (self.shard(real).to(self.device),
                             self.shard(condition).to(self.device))
        return self.last

    def latent(self) -> Tensor:
        return self.shard(torch.randn(self.batch_size, self.z_dim, generator=self.rng,
                                      device=self.device))

    def fake_conditions(self) -> Tensor | None:
        """What fakes are drawn for: the real batch's sources (image-conditioned runs), or
        classes drawn from the data's class frequencies (class-conditional runs)."""
        if self.sources:
            return None if self.last is None else self.last[1]
        if self.class_frequencies is None:
            return None
        return self.shard(torch.multinomial(self.class_frequencies, self.batch_size,
                                            replacement=True, generator=self.rng))
