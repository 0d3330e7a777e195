"""The datasets' options: plain dataclasses, importable without torch so that the config is
checked before anything heavy loads.

Every image dataset's options are also `PairOptions` (`data_options.pairs=edges`, ...): any image
dataset can be made into image-to-image pairs (data/paired/).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gankit.data.paired.options import PairedFolderOptions, PairOptions

__all__ = ["DigitsOptions", "FolderOptions", "IdxOptions", "MixtureOptions", "NpzOptions",
           "OracleOptions", "PairOptions", "PairedFolderOptions", "TextOptions"]


@dataclass
class MixtureOptions:
    sigma: float | None = None  # override the standard deviation of every mode


@dataclass
class IdxOptions(PairOptions):
    split: Literal["train", "test"] = "train"
    image_size: int = 28
    limit: int | None = None  # keep only the first N items (quick runs)


@dataclass
class DigitsOptions(PairOptions):
    image_size: int = 8
    limit: int | None = None


@dataclass
class FolderOptions(PairOptions):
    image_size: int = 64
    channels: Literal[1, 3] = 3
    limit: int | None = None


@dataclass
class NpzOptions(PairOptions):
    image_size: int | None = None  # resize (after a centre square crop) when set
    limit: int | None = None


@dataclass
class TextOptions:
    level: Literal["word", "char"] = "word"
    vocab: int = 5000  # the vocabulary cap, counting <eos> and <unk>
    length: int = 20  # tokens per sequence
    lower: bool = False  # lower-case the text first
    limit: int | None = None  # use only the first `limit` non-empty lines


@dataclass
class OracleOptions:
    params: str | None = None  # the parameter file; None: look it up (find_params)
    random_init: bool = False  # a random N(0, 1) oracle instead of the paper's
    oracle_seed: int = 0  # seed of the random oracle
    vocab: int = 5000  # random oracle only (the file sets its own)
    hidden: int = 32  # random oracle only: embedding and hidden size
    length: int = 20
    n: int = 10000  # training sequences
    seed: int = 0  # seed of the training sequences drawn from the oracle
