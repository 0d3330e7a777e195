"""Encoding real images with an O-GAN run's critic: codes, reconstructions, interpolations.
The CLI verbs encode / reconstruct / interpolate and the Python API share these."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.data import dataset_options, load_dataset
from gankit.data.base import to_unit_range
from gankit.nets.encoding import encode, interpolate, reconstruct
from gankit.nets.sampling import evaluation_mode
from gankit.use.runs import TrainedGenerator, open_generator

CHUNK = 500


def open_encoder_run(run_dir: Path | str, use_ema: bool = True, device: str = "auto",
                     checkpoint: str = "last") -> TrainedGenerator:
    """The run's generator and critic; a GankitError unless it was trained with an encoder."""
    loaded = open_generator(run_dir, use_ema, device, checkpoint, with_critic=True)
    if "ogan" not in loaded.config.wrappers:
        raise GankitError(f"{run_dir} was trained without an encoder critic; encode, reconstruct "
                          f"and interpolate need a run trained with wrappers.ogan (O-GAN)")
    return loaded


@dataclass(frozen=True)
class RealImages:
    images: Tensor  # float N×C×H×W in [-1, 1]
    labels: Tensor | None
    source: str  # what they are, for messages: "fashion-mnist (test split)"


def real_images(run: TrainedGenerator, data: str | None = None, split: str | None = None,
                n: int | None = None) -> RealImages:
    """The first `n` images of `data` (default: the run's dataset), from `split` (default: the
    test split when the dataset has one), checked against the run's image shape."""
    name = data or run.config.data
    options = dict(run.config.data_options) if data is None else {}
    has_split = "split" in {f.name for f in dataclasses.fields(dataset_options(name))}
    if split is not None and not has_split:
        raise GankitError(f"dataset {name!r} has no splits; leave out --split")
    if has_split:
        options["split"] = split or "test"
    source = load_dataset(name, options)
    images = getattr(source, "images", None)
    if source.kind != "images" or images is None:
        raise GankitError(f"encoding needs images; dataset {name!r} holds {source.kind}")
    if tuple(images.shape[1:]) != tuple(run.shape):
        raise GankitError(f"dataset {name!r} has images of shape {tuple(images.shape[1:])}, "
                          f"the run was trained on {tuple(run.shape)}")
    count = len(images) if n is None else n
    if not 1 <= count <= len(images):
        raise GankitError(f"n must be between 1 and {len(images)} for {name!r}, got {count}")
    labels = source.labels[:count] if source.labels is not None else None
    where = f"{name} ({options['split']} split)" if has_split else name
    return RealImages(to_unit_range(images[:count]), labels, where)


def image_labels(run: TrainedGenerator, labels: Tensor | None, count: int) -> Tensor | None:
    """The labels a conditional run encodes and decodes with (the images' true classes); None
    for unconditional runs."""
    if not run.classes:
        return None
    if labels is None:
        raise GankitError("this run is conditional: encoding and reconstructing need the "
                          "images' labels (their true classes)")
    labels = torch.as_tensor(labels, dtype=torch.int64)
    if labels.shape != (count,) or int(labels.min()) < 0 or int(labels.max()) >= len(run.classes):
        raise GankitError(f"need {count} labels in 0 to {len(run.classes) - 1}, one per image")
    return labels


def chunks(images: Tensor, labels: Tensor | None, device: torch.device):
    """(images, labels) in CHUNK-sized parts on `device` (labels None when unconditional)."""
    parts = labels.split(CHUNK) if labels is not None else [None] * len(images.split(CHUNK))
    for x, y in zip(images.split(CHUNK), parts):
        yield x.to(device), None if y is None else y.to(device)


@torch.no_grad()
def encode_images(run: TrainedGenerator, images: Tensor, labels: Tensor | None = None) -> Tensor:
    """𝒩(E(x)) for every image, float32 on the CPU (conditional runs: with their labels)."""
    assert run.critic is not None, "open the run with open_encoder_run, which loads its critic"
    labels, device = image_labels(run, labels, len(images)), next(run.critic.parameters()).device
    with evaluation_mode(run.critic):
        return torch.cat([encode(run.critic, x, y).cpu() for x, y in chunks(images, labels, device)])


@torch.no_grad()
def reconstruct_images(run: TrainedGenerator, images: Tensor, temperature: float = 1.0,
                       labels: Tensor | None = None) -> Tensor:
    """G(temperature · 𝒩(E(x))) for every image, float32 on the CPU; a conditional run encodes
    and decodes each image with its true label."""
    assert run.critic is not None, "open the run with open_encoder_run, which loads its critic"
    labels, device = image_labels(run, labels, len(images)), next(run.critic.parameters()).device
    with evaluation_mode(run.critic, run.generator):
        parts = [reconstruct(run.generator, run.critic, x, temperature, y).float().cpu()
                 for x, y in chunks(images, labels, device)]
    return torch.cat(parts)


@torch.no_grad()
def interpolation_rows(run: TrainedGenerator, images: Tensor, pairs: int, steps: int,
                       seed: int = 0, labels: Tensor | None = None) -> Tensor:
    """`pairs` rows: a real image, G of `steps` codes on the line between its code and another
    real image's code, and that other image. Returns (pairs·(steps+2))×C×H×W. A conditional run
    decodes the whole row with the first image's label."""
    if pairs < 1 or steps < 2:
        raise GankitError(f"need at least 1 pair and 2 steps, got {pairs} and {steps}")
    if len(images) < 2:
        raise GankitError("interpolation needs at least 2 images")
    labels = image_labels(run, labels, len(images))
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(seed))
    first, second = order[:pairs], order.roll(1)[:pairs]
    starts, ends = images[first], images[second]
    pair_labels = None if labels is None else torch.cat([labels[first], labels[second]])
    codes = encode_images(run, torch.cat([starts, ends]), pair_labels)
    line = interpolate(codes[: len(starts)], codes[len(starts):], steps)
    row_labels = None if labels is None else labels[first].repeat_interleave(steps)
    device = next(run.generator.parameters()).device
    with evaluation_mode(run.generator):
        decoded = run.generator(line.to(device), None if row_labels is None
                                else row_labels.to(device))
    decoded = decoded.float().cpu().view(len(starts), steps, *images.shape[1:])
    rows = torch.cat([starts.unsqueeze(1), decoded, ends.unsqueeze(1)], dim=1)
    return rows.flatten(0, 1)
