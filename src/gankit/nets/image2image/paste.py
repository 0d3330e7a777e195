"""Inpainting's composite: the generator's output inside the holes, the known pixels elsewhere
(the context encoder pastes its prediction into the image around it, Pathak et al. 2016), so the
net is judged and scored on what it had to invent."""

from __future__ import annotations

import torch
from torch import Tensor, nn

from gankit.nets.image2image.images import require_condition


class PasteKnown(nn.Module):
    """G'(z, s) = G(z, s) in the holes of a masked source s (its last channel > 0), s's own
    pixels elsewhere; s has the output's channels plus the mask."""

    def __init__(self, net: nn.Module, channels: int) -> None:
        super().__init__()
        self.net, self.channels = net, channels

    def forward(self, z: Tensor | None, condition: Tensor) -> Tensor:
        source = require_condition(condition, self.channels + 1)
        output = self.net(z, source)
        return torch.where(source[:, -1:] > 0, output, source[:, :-1].to(output.dtype))
