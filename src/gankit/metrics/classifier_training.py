"""Train the domain classifier on a labelled dataset: Adam with a one-cycle learning rate for a
few epochs (bf16 autocast where the CPU computes bf16 natively, see core.precision), then test
accuracy on the held-out split."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

import torch
import torch.nn.functional as F

from gankit.core.errors import GankitError
from gankit.core.precision import autocast, choose_precision
from gankit.data import dataset_options, load_dataset
from gankit.data.base import InMemoryImages
from gankit.metrics.classifier_recipe import BATCH, EPOCHS, HELD_OUT, LEARNING_RATE
from gankit.metrics.extractors.classifier import (
    ClassifierInfo,
    classifier_path,
    read_sidecar,
    save_classifier,
    sidecar_path,
)
from gankit.metrics.extractors.smallcnn import MAX_SIZE, MIN_SIZE, SmallCNN, to_input

Split = tuple[torch.Tensor, torch.Tensor]  # uint8 N×C×H×W images, int64 labels


def train_classifier(dataset: str, epochs: int = EPOCHS, image_size: int | None = None,
                     seed: int = 0, force: bool = False, precision: str = "auto",
                     log: Callable[[str], None] = print) -> tuple[ClassifierInfo, Path]:
    """Train, test and save the classifier of `dataset`; returns its sidecar info and path.
    `precision`: auto, fp32 or bf16 (core.precision); the test runs in fp32."""
    path = classifier_path(dataset)
    refuse_overwrite(path, dataset, force)
    if epochs < 1:
        raise GankitError(f"--epochs must be at least 1, got {epochs}")
    train, test = load_splits(dataset, image_size, seed)
    channels, size = check_shape(train[0], dataset)
    classes = int(max(train[1].max(), test[1].max())) + 1
    choice = choose_precision(precision, torch.device("cpu"))
    log(choice.reason)
    torch.manual_seed(seed)
    network = SmallCNN(channels, size, classes)
    started = time.perf_counter()
    fit(network, train, epochs, choice.precision, log)
    accuracy = evaluate(network, test)
    seconds = time.perf_counter() - started
    info = ClassifierInfo(dataset, channels, size, classes, accuracy, len(train[0]),
                          len(test[0]), epochs, round(seconds, 1))
    return save_classifier(network, info, path), path


def refuse_overwrite(path: Path, dataset: str, force: bool) -> None:
    if force or not path.is_file() or not sidecar_path(path).is_file():
        return
    try:
        accuracy = f"test accuracy {read_sidecar(sidecar_path(path), '').test_accuracy:.2%}"
    except GankitError:
        accuracy = "unreadable sidecar"
    raise GankitError(f"a classifier for {dataset!r} is already at {path} ({accuracy}); "
                      "pass --force to train it again")


def load_splits(dataset: str, image_size: int | None, seed: int) -> tuple[Split, Split]:
    """(train, test): the dataset's own splits, or a seeded 5:1 split when it has none."""
    fields = {f.name for f in dataclasses.fields(dataset_options(dataset))}
    options = {} if image_size is None else {"image_size": image_size}
    if image_size is not None and "image_size" not in fields:
        raise GankitError(f"dataset {dataset!r} has no image_size option")
    if "split" in fields:
        return (labelled(dataset, {**options, "split": "train"}),
                labelled(dataset, {**options, "split": "test"}))
    images, labels = labelled(dataset, options)
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(seed))
    cut = len(images) - max(1, int(len(images) * HELD_OUT))
    return (images[order[:cut]], labels[order[:cut]]), (images[order[cut:]], labels[order[cut:]])


def labelled(dataset: str, options: dict) -> Split:
    source = load_dataset(dataset, options)
    if getattr(source, "kind", None) != "images" or source.labels is None:
        raise GankitError(f"dataset {dataset!r} has no labelled images; "
                          "the domain classifier needs class labels")
    assert isinstance(source, InMemoryImages)  # the one source of kind "images"
    return source.images, source.labels.long()


def check_shape(images: torch.Tensor, dataset: str) -> tuple[int, int]:
    channels, height, width = images.shape[1:]
    if height != width or not MIN_SIZE <= height <= MAX_SIZE or channels not in (1, 3):
        raise GankitError(f"the domain classifier needs square 1- or 3-channel images of "
                          f"{MIN_SIZE} to {MAX_SIZE} pixels; {dataset!r} has "
                          f"{channels}×{height}×{width} (choose another image_size)")
    return int(channels), int(height)


def fit(network: SmallCNN, train: Split, epochs: int, precision: str,
        log: Callable[[str], None]) -> None:
    images, labels = train
    steps = (len(images) + BATCH - 1) // BATCH
    optimiser = torch.optim.Adam(network.parameters(), lr=LEARNING_RATE)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, LEARNING_RATE,
                                                   total_steps=epochs * steps)
    network.train()
    for epoch in range(epochs):
        order, total = torch.randperm(len(images)), 0.0
        for start in range(0, len(images), BATCH):
            index = order[start:start + BATCH]
            with autocast(torch.device("cpu"), precision):
                loss = F.cross_entropy(network(to_input(images[index]))[1], labels[index])
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(index)
        log(f"epoch {epoch + 1}/{epochs}: training loss {total / len(images):.4f}")


def evaluate(network: SmallCNN, test: Split, batch: int = 1000) -> float:
    """Share of test images classified correctly (float32, eval mode)."""
    images, labels = test
    network.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(images), batch):
            logits = network(to_input(images[start:start + batch]))[1]
            correct += int((logits.argmax(dim=1) == labels[start:start + batch]).sum())
    return correct / len(images)
