"""Critic regularisers usable with any objective: each maps a critic step's batch to a scalar."""

from __future__ import annotations

from typing import Any, ClassVar

from torch import Tensor

from gankit.core.options import NoOptions
from gankit.core.step import StepBatch

__all__ = ["Penalty"]


class Penalty:
    Options: ClassVar[type] = NoOptions
    # The weight its paper uses, for documentation and `gankit list`; the config's weight rules.
    recommended_weight: ClassVar[float | None] = None
    uses_fake: ClassVar[bool] = False  # whether it needs the fake batch (a lazy update draws one)

    def __init__(self, options: Any = None) -> None:
        self.options = options if options is not None else self.Options()

    def __call__(self, batch: StepBatch) -> Tensor:
        raise NotImplementedError
