"""The generator protocol, G(z, labels) → samples, for the families built as a stack of layers."""

from __future__ import annotations

from torch import Tensor, nn


class SequentialGenerator(nn.Sequential):
    """Layers applied in order to z; the labels go to the layers that take them (conditional
    batch norm, label inputs), and unconditional stacks ignore them."""

    def forward(self, z: Tensor, labels: Tensor | None = None) -> Tensor:
        x = z
        for layer in self:
            x = layer(x, labels) if getattr(layer, "takes_labels", False) else layer(x)
        return x
