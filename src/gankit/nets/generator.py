"""The generator protocol, G(z, labels) → samples, for the families built as a stack of layers."""

from __future__ import annotations

from torch import Tensor, nn


class SequentialGenerator(nn.Sequential):
    """Layers applied in order to z. `labels` is accepted so every generator is called the same
    way; unconditional stacks ignore it."""

    def forward(self, z: Tensor, labels: Tensor | None = None) -> Tensor:
        return super().forward(z)
