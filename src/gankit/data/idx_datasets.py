"""MNIST and Fashion-MNIST from their IDX files, found in the folders of `search_dirs`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch

from gankit.core.errors import GankitError
from gankit.core.paths import is_file
from gankit.data.base import InMemoryImages
from gankit.data.checks import check_image_options, reject_argument
from gankit.data.idx import read_idx
from gankit.data.locations import search_dirs
from gankit.data.options import IdxOptions
from gankit.data.transform import resize_square, take_first

SPLIT_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
ALL_FILES = ", ".join(f"{stem}.gz" for pair in SPLIT_FILES.values() for stem in pair)


@dataclass(frozen=True)
class IdxDataset:
    name: str
    how_to_get: str  # the end of the "not found" message
    classes: tuple[str, ...] = tuple(str(k) for k in range(10))


FASHION_MNIST = IdxDataset(
    "fashion-mnist",
    "install it with `apt-get install dataset-fashion-mnist` (Debian) or put the four IDX "
    f"files of the Fashion-MNIST release ({ALL_FILES}) in one of those folders",
    ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
     "Ankle boot"),  # the release's label order
)
MNIST = IdxDataset(
    "mnist",
    f"put the four IDX files of the MNIST release ({ALL_FILES}) in one of those folders",
)


def find_split_file(folder: Path, stem: str) -> Path | None:
    """`stem`, `stem.gz`, or the `train-images.idx3-ubyte` spelling of some unpacked copies."""
    dotted = stem.replace("-idx", ".idx")
    for name in (f"{stem}.gz", stem, f"{dotted}.gz", dotted):
        if is_file(folder / name):
            return folder / name
    return None


def locate(dataset: IdxDataset, split: str) -> tuple[Path, Path]:
    """Paths of the split's image and label files in the first folder that has both."""
    dirs = search_dirs(dataset.name)
    for folder in dirs:
        found = [find_split_file(folder, stem) for stem in SPLIT_FILES[split]]
        if found[0] and found[1]:
            return found[0], found[1]
    looked = ", ".join(str(d) for d in dirs)
    raise GankitError(
        f"{dataset.name} ({split} split) not found; looked in {looked}; {dataset.how_to_get}"
    )


def read_split(images_path: Path, labels_path: Path) -> tuple[torch.Tensor, torch.Tensor]:
    """uint8 N×1×H×W images and int64 labels, checked against each other."""
    images, labels = read_idx(images_path), read_idx(labels_path)
    if images.ndim != 3 or images.dtype != "u1":
        raise GankitError(f"{images_path} does not hold uint8 N×H×W images")
    if labels.ndim != 1 or len(labels) != len(images):
        raise GankitError(f"{labels_path} does not hold one label per image of {images_path}")
    return torch.from_numpy(images).unsqueeze(1), torch.from_numpy(labels).long()


def load_idx_dataset(dataset: IdxDataset, options: IdxOptions) -> InMemoryImages:
    check_image_options(options)
    images, labels = read_split(*locate(dataset, options.split))
    kept_images, kept_labels = take_first(images, labels, options.limit)
    resized = resize_square(kept_images, options.image_size)
    return InMemoryImages(resized, kept_labels, dataset.classes)


class FashionMnistLoader:
    Options = IdxOptions

    @staticmethod
    def load(options: IdxOptions, argument: str | None) -> InMemoryImages:
        reject_argument("fashion-mnist", argument)
        return load_idx_dataset(FASHION_MNIST, options)


class MnistLoader:
    Options = IdxOptions

    @staticmethod
    def load(options: IdxOptions, argument: str | None) -> InMemoryImages:
        reject_argument("mnist", argument)
        return load_idx_dataset(MNIST, options)
