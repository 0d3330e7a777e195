"""Image-to-image data sources: targets (what the generator must produce) with their sources
(what the nets are conditioned on), both kept in memory as uint8 and scaled to [-1, 1] per batch.

`sample_labelled(n, rng)` returns (targets, sources). `PairedImages` draws item i's target with
item i's source; `UnpairedImages` draws each side on its own (CycleGAN's two domains).
"""

from __future__ import annotations

import math
from typing import Any, Literal

import torch
import torch.nn.functional as F
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.data.base import (
    DataSource,
    EpochSampler,
    InMemoryImages,
    Preview,
    class_names,
    to_unit_range,
)
from gankit.data.paired.degradations import degrade
from gankit.data.paired.options import PairOptions
from gankit.data.pictures import picture


class ImagePairs(DataSource):
    """What paired and unpaired sources share: uint8 targets N×C×H×W and sources M×C_s×H_s×W_s
    (`masked`: the sources' last channel marks holes, where the others scale to exactly 0).

    `target_labels` are the targets' classes when the data has them; they are not `labels`, so
    nothing draws class labels for fakes: a fake is made for the real batch's own sources."""

    kind = "images"
    paired: bool  # whether item i's target goes with item i's source
    condition_shape: tuple[int, ...]  # C_s×H_s×W_s, what the nets are conditioned on

    def __init__(self, targets: Tensor, sources: Tensor, *, masked: bool = False,
                 target_labels: Tensor | None = None,
                 classes: tuple[str, ...] | None = None) -> None:
        for name, images in (("targets", targets), ("sources", sources)):
            if images.dtype != torch.uint8 or images.dim() != 4:
                raise ValueError(f"{name} must be a uint8 tensor of shape N×C×H×W")
        self.targets, self.sources, self.masked = targets, sources, masked
        self.target_labels = target_labels
        self.classes = class_names(target_labels, classes)
        self.shape = tuple(targets.shape[1:])
        self.condition_shape = tuple(sources.shape[1:])

    @property
    def condition(self) -> Literal["class", "image"] | None:
        return "image"

    def to(self, device: torch.device) -> None:
        self.targets, self.sources = self.targets.to(device), self.sources.to(device)
        if self.target_labels is not None:
            self.target_labels = self.target_labels.to(device)

    def class_frequencies(self) -> Tensor | None:
        """None: fakes are made for the real batch's sources, not for drawn classes."""
        return None

    def preview(self, samples: Tensor, sources: Tensor | None = None) -> Preview:
        """Pairs side by side, each a source then the output made from it (`sources`: those the
        samples were made from, in [-1, 1]; without them, the samples alone). Holes show red."""
        if sources is None:
            return super().preview(samples)
        if len(sources) != len(samples):
            raise ValueError(f"{len(sources)} sources for {len(samples)} samples")
        outputs = samples.detach().cpu().float()
        shown = self.shown_sources(sources.detach().cpu().float(), outputs.shape[1:])
        if self.masked:
            outputs = match_channels(outputs, 3)
        interleaved = torch.stack([shown, outputs], dim=1).flatten(0, 1)
        columns = 2 * max(1, math.ceil(math.sqrt(len(samples))))
        return Preview(picture=picture(interleaved, columns=columns))

    def shown_sources(self, sources: Tensor, shape: torch.Size) -> Tensor:
        """Sources as pictures the samples' size, with their channels (holes in red, in RGB),
        enlarged by nearest neighbours."""
        if self.masked:
            shown = paint_holes(match_channels(sources[:, :-1], 3), sources[:, -1:] > 0)
        else:
            shown = match_channels(sources, shape[0])
        if tuple(shown.shape[-2:]) != tuple(shape[-2:]):
            shown = F.interpolate(shown, size=tuple(shape[-2:]), mode="nearest")
        return shown

    def first_pairs(self, n: int) -> tuple[Tensor, Tensor, Tensor | None]:
        """The first n items' targets and sources (in [-1, 1], on the CPU) and the targets'
        classes: fixed by index, so the same pairs on every run and machine."""
        if n > len(self.targets):
            raise GankitError(f"asked for {n} pairs, and the data has {len(self.targets)}")
        targets, sources = self.scaled(self.targets[:n].cpu(), self.sources[:n].cpu())
        labels = None if self.target_labels is None else self.target_labels[:n].cpu()
        return targets, sources, labels

    def preview_conditions(self, n: int) -> Tensor:
        """The first n sources (in [-1, 1]): the same in every preview of a run."""
        return to_source_range(self.sources[:n], self.masked)

    def scaled(self, targets: Tensor, sources: Tensor) -> tuple[Tensor, Tensor]:
        return to_unit_range(targets), to_source_range(sources, self.masked)


class PairedImages(ImagePairs):
    """Aligned pairs: item i's target and source are drawn together, in shuffled epochs."""

    paired = True

    def __init__(self, targets: Tensor, sources: Tensor, **kwargs: Any) -> None:
        if len(targets) != len(sources):
            raise ValueError(f"{len(targets)} targets but {len(sources)} sources")
        super().__init__(targets, sources, **kwargs)
        self.sampler = EpochSampler(len(targets))

    def __len__(self) -> int:
        return len(self.targets)

    def sample_labelled(self, n: int, rng: torch.Generator) -> tuple[Tensor, Tensor]:
        index = self.sampler.next(n, rng).to(self.targets.device, non_blocking=True)
        return self.scaled(self.targets[index], self.sources[index])

    def state_dict(self) -> dict[str, Any]:
        return self.sampler.state_dict()

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.sampler.load_state_dict(state)


class UnpairedImages(ImagePairs):
    """Two unaligned domains: a batch's targets and sources are drawn independently, each side
    in its own shuffled epochs (targets first, then sources, from the same `rng`)."""

    paired = False

    def __init__(self, targets: Tensor, sources: Tensor, **kwargs: Any) -> None:
        super().__init__(targets, sources, **kwargs)
        self.samplers = {"targets": EpochSampler(len(targets)),
                         "sources": EpochSampler(len(sources))}

    def __len__(self) -> int:
        """The targets: an epoch is a pass over the real images the critic sees."""
        return len(self.targets)

    def sample_labelled(self, n: int, rng: torch.Generator) -> tuple[Tensor, Tensor]:
        device = self.targets.device
        targets = self.samplers["targets"].next(n, rng).to(device, non_blocking=True)
        sources = self.samplers["sources"].next(n, rng).to(device, non_blocking=True)
        return self.scaled(self.targets[targets], self.sources[sources])

    def state_dict(self) -> dict[str, Any]:
        return {side: sampler.state_dict() for side, sampler in self.samplers.items()}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        if not isinstance(state, dict) or set(state) != set(self.samplers):
            raise GankitError("the checkpoint holds no valid sampling position of its data "
                              "(unpaired data keeps one per side)")
        for side, sampler in self.samplers.items():
            sampler.load_state_dict(state[side])


def to_source_range(sources: Tensor, masked: bool) -> Tensor:
    """uint8 → float [-1, 1]; with a mask channel, the holes of the other channels are exactly 0
    (mid-grey) and the mask is 1 in a hole, -1 outside."""
    scaled = to_unit_range(sources)
    if masked:
        holes = scaled[:, -1:] > 0
        scaled[:, :-1].masked_fill_(holes, 0.0)
    return scaled


def paint_holes(images: Tensor, holes: Tensor) -> Tensor:
    """RGB `images` with the `holes` (bool N×1×H×W) red, so a preview shows where they were even
    on grey clothes."""
    red = torch.tensor([1.0, -1.0, -1.0]).view(1, 3, 1, 1)
    return torch.where(holes, red, images)


def match_channels(images: Tensor, channels: int) -> Tensor:
    """1 → 3 channels by repeating, 3 → 1 by averaging; as they are otherwise."""
    if images.shape[1] == channels:
        return images
    if images.shape[1] == 1:
        return images.repeat(1, channels, 1, 1)
    return images.mean(dim=1, keepdim=True)


def make_pairs(images: DataSource, options: PairOptions) -> ImagePairs:
    """`images` (a loaded image dataset) as pairs under `options.pairs`. With `unpaired`, the
    sources come from the first half of the items and the targets from the second, drawn
    independently — except in a test split, which stays paired for scoring."""
    if not isinstance(images, InMemoryImages):
        raise GankitError(f"data_options.pairs needs an image dataset, not {images.kind}")
    masked = bool(options.pairs and options.pairs.startswith("mask:"))
    labels, classes = images.labels, images.classes
    if options.unpaired and getattr(options, "split", None) != "test":
        half = len(images.images) // 2
        if half == 0:
            raise GankitError("data_options.unpaired needs at least 2 images to split in two")
        rest = None if labels is None else labels[half:]
        return UnpairedImages(images.images[half:], degrade(images.images[:half], options),
                              masked=masked, target_labels=rest, classes=classes)
    return PairedImages(images.images, degrade(images.images, options), masked=masked,
                        target_labels=labels, classes=classes)
