"""Sets of images with known quality, for checking that metrics move the right way: real
training images (as good as it gets), Gaussian noise, blurred real images, real images of one
class only (good images, poor diversity) and real images with their pixels shuffled."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from gankit.data import load_dataset
from gankit.data.base import InMemoryImages
from gankit.metrics.real_stats import option_names

CASES = ("real train", "gaussian noise", "blurred real", "one class only", "shuffled pixels")


def sanity_sets(dataset: str, n: int, image_size: int | None = None,
                seed: int = 0) -> dict[str, torch.Tensor]:
    """uint8 N×C×H×W images for each case, from the dataset's training images."""
    options: dict[str, str | int] = {"split": "train"} if "split" in option_names(dataset) else {}
    if image_size is not None:
        options["image_size"] = image_size
    source = load_dataset(dataset, options)
    assert isinstance(source, InMemoryImages)  # the one source of kind "images"
    assert source.labels is not None, f"{dataset!r} is unlabelled: no 'one class only' set"
    rng = torch.Generator().manual_seed(seed)
    real = source.images[torch.randperm(len(source.images), generator=rng)[:n]]
    noise = (torch.randn(real.shape, generator=rng) * 64 + 128).clamp(0, 255).to(torch.uint8)
    one = source.images[source.labels == source.labels[0]][:n]
    return {"real train": real, "gaussian noise": noise, "blurred real": blur(real),
            "one class only": one, "shuffled pixels": shuffle(real, rng)}


def blur(images: torch.Tensor, width: int = 5) -> torch.Tensor:
    channels = images.shape[1]
    kernel = torch.ones(channels, 1, width, width) / width**2
    blurred = F.conv2d(images.float(), kernel, padding=width // 2, groups=channels)
    return blurred.round().clamp(0, 255).to(torch.uint8)


def shuffle(images: torch.Tensor, rng: torch.Generator) -> torch.Tensor:
    """Every image's pixels in one fixed random order (each keeps its own pixel values)."""
    flat = images.flatten(2)
    order = torch.randperm(flat.shape[2], generator=rng)
    return flat[:, :, order].view_as(images)
