"""Options of image-to-image data, torch-free so the config is checked before anything loads.

`PairOptions` is shared by every image dataset (`data_options.pairs=edges` on fashion-mnist,
folder:PATH, ...); `PairedFolderOptions` belongs to `paired:SRC,TGT` and `unpaired:A,B`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gankit.core.errors import GankitError

DOWNSAMPLE_FACTORS = (2, 4)
MASKS = ("center", "boxes", "strokes")
PAIR_NAMES = ("edges", *(f"downsample:{f}" for f in DOWNSAMPLE_FACTORS),
              *(f"mask:{m}" for m in MASKS))
HOLE_MASKS = ("mask:center", "mask:boxes")  # the masks whose size `hole` sets


def check_pairs_name(name: str) -> str:
    """`name` when it names a degradation; otherwise a GankitError saying what is allowed (the
    kind is right but its argument wrong, or the name is unknown)."""
    if name in PAIR_NAMES:
        return name
    kind = name.partition(":")[0]
    if kind == "downsample":
        raise GankitError(f"data_options.pairs={name!r}: downsampling takes a factor of 2 or 4 "
                          "(downsample:2, downsample:4)")
    if kind == "mask":
        raise GankitError(f"data_options.pairs={name!r}: the mask must be one of "
                          f"{', '.join(f'mask:{m}' for m in MASKS)}")
    raise GankitError(f"unknown data_options.pairs={name!r}; choose one of: "
                      f"{', '.join(PAIR_NAMES)}")


def require_positive(key: str, value: float | None) -> None:
    if value is not None and not value > 0:
        raise GankitError(f"data_options.{key} must be greater than 0, got {value!r}")


@dataclass
class PairOptions:
    """Make (target, source) pairs of an image dataset by degrading each image once, at load.

    The target is the image, the source its degradation: `edges` (Canny), `downsample:2|4`, or a
    `mask:center|boxes|strokes` hole. Masks are drawn from (mask_seed, item index), so the pairs
    are the same on every run and machine.
    """

    pairs: str | None = None  # a degradation (PAIR_NAMES); None: plain images
    hole: int | None = None  # mask:center: the hole's side; mask:boxes: the largest box side
    edge_sigma: float | None = None  # edges: Canny's sigma; None: 1.0 per 28 pixels of side
    mask_seed: int = 0  # mask:boxes and mask:strokes: item i's mask is drawn from (seed, i)
    unpaired: bool = False  # sources from the first half of the items, targets from the second

    def __post_init__(self) -> None:
        if self.pairs is not None:
            check_pairs_name(self.pairs)
        require_positive("hole", self.hole)
        require_positive("edge_sigma", self.edge_sigma)
        if self.mask_seed < 0:  # numpy's seed sequences take non-negative integers
            raise GankitError(f"data_options.mask_seed must be 0 or more, got {self.mask_seed}")
        if self.unpaired and self.pairs is None:
            raise GankitError("data_options.unpaired splits the pairs of data_options.pairs "
                              "into two domains; set pairs too")
        only_with("hole", self.hole, self.pairs, HOLE_MASKS)
        only_with("edge_sigma", self.edge_sigma, self.pairs, ("edges",))


def only_with(key: str, value: object, pairs: str | None, names: tuple[str, ...]) -> None:
    """An option set for a degradation it does not apply to is an error, not silently unused."""
    if value is not None and pairs not in names:
        raise GankitError(f"data_options.{key} applies to data_options.pairs="
                          f"{' or '.join(names)} only, got pairs={pairs}")


@dataclass
class PairedFolderOptions:
    """`paired:SRC,TGT` and `unpaired:A,B`: the targets (TGT, B) are read at image_size, the
    sources (SRC, A) at source_size (default: the same), both by the folder loader."""

    image_size: int = 64
    channels: Literal[1, 3] = 3
    source_size: int | None = None  # e.g. a quarter of image_size for super-resolution folders
    source_channels: Literal[1, 3] | None = None  # None: as `channels`
    limit: int | None = None  # keep only the first N pairs (paired) or images per side (unpaired)

    def __post_init__(self) -> None:
        for key in ("image_size", "source_size", "limit"):
            require_positive(key, getattr(self, key))
