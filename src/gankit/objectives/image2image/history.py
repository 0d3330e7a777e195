"""The history of generated images a critic is trained on (Shrivastava et al. 2017, section 2.3;
CycleGAN, section 4: "a history of generated images rather than the ones produced by the latest
generators ... an image buffer that stores the 50 previously created images").

The buffer fills with the first fakes, which pass through unchanged. Once it is full, each fake of
a batch is, with probability ½, swapped for a stored one: the critic sees the stored fake and the
new one takes its place. (The authors' code draws each swap's slot independently, so two fakes of
one batch may meet the same slot; here a batch's slots are distinct, and at most `size` fakes of
a batch are swapped, so every step is a fixed set of tensor operations with no host reads.)
"""

from __future__ import annotations

from typing import Any

import torch
from torch import Tensor

from gankit.core.errors import GankitError

SWAP_PROBABILITY = 0.5


class ImageHistory:
    def __init__(self, size: int) -> None:
        self.size = size
        self.images: Tensor | None = None  # size×C×H×W once the first fakes arrive
        self.count = 0  # how many slots are filled

    def __call__(self, fakes: Tensor, rng: torch.Generator) -> Tensor:
        """The fakes the critic sees in place of `fakes` (detached), the buffer updated."""
        fakes = fakes.detach()
        if self.size == 0:
            return fakes
        if self.images is None:
            self.images = fakes.new_zeros((self.size, *fakes.shape[1:]))
        self.images = self.images.to(fakes.device, fakes.dtype)
        if self.count < self.size:
            stored = min(self.size - self.count, len(fakes))
            self.images[self.count:self.count + stored] = fakes[:stored]
            self.count += stored
            return fakes
        return self.swapped(fakes, rng)

    def swapped(self, fakes: Tensor, rng: torch.Generator) -> Tensor:
        assert self.images is not None
        n = min(len(fakes), self.size)
        slots = torch.randperm(self.size, generator=rng, device=rng.device)[:n].to(fakes.device)
        swap = torch.rand(n, generator=rng, device=rng.device).to(fakes.device) < SWAP_PROBABILITY
        swap = swap.view(-1, *([1] * (fakes.dim() - 1)))
        stored, new = self.images[slots], fakes[:n]
        self.images[slots] = torch.where(swap, new, stored)
        return torch.cat([torch.where(swap, stored, new), fakes[n:]])

    def state_dict(self) -> dict[str, Any]:
        images = None if self.images is None else self.images[:self.count].cpu()
        return {"count": self.count, "images": images}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        count, images = state.get("count"), state.get("images")
        if not isinstance(count, int) or not 0 <= count <= self.size or \
                (count and (images is None or len(images) != count)):
            raise GankitError(f"the checkpoint's history of fakes does not fit a history of "
                              f"{self.size} images")
        self.count, self.images = count, None
        if images is not None and count:
            self.images = images.new_zeros((self.size, *images.shape[1:]))
            self.images[:count] = images
