"""The `domain-classifier` extractor: a small CNN that gankit trains on a labelled dataset
(`gankit train-classifier --data NAME`) and keeps in the cache as safetensors + a JSON sidecar."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from gankit.core.errors import GankitError
from gankit.core.io import atomic_path, write_text_atomic
from gankit.metrics.cache import cache_dir, file_sha256, safe_name
from gankit.metrics.extractors.base import Extractor
from gankit.metrics.extractors.smallcnn import ARCHITECTURE, SmallCNN, to_input

FORMAT = "gankit-classifier-1"
SHORT_SHA = 12


@dataclass(frozen=True)
class ClassifierInfo:
    """The sidecar: what the classifier was trained on and how well it does."""

    dataset: str
    channels: int
    image_size: int
    classes: int
    test_accuracy: float
    train_size: int
    test_size: int
    epochs: int
    seconds: float
    weights_sha256: str = ""
    architecture: str = ARCHITECTURE
    format: str = FORMAT


def classifier_path(dataset: str) -> Path:
    """`<cache>/classifiers/<dataset>.safetensors` (the sidecar is the same name, `.json`)."""
    return cache_dir() / "classifiers" / f"{safe_name(dataset)}.safetensors"


def sidecar_path(weights: Path) -> Path:
    return weights.with_suffix(".json")


def build_network(info: ClassifierInfo) -> SmallCNN:
    return SmallCNN(info.channels, info.image_size, info.classes)


def save_classifier(network: SmallCNN, info: ClassifierInfo, path: Path) -> ClassifierInfo:
    """Write weights, then the sidecar (which records the weights' SHA-256), both atomically."""
    tensors = {k: v.detach().cpu().contiguous() for k, v in network.state_dict().items()}
    with atomic_path(path) as tmp:
        save_file(tensors, str(tmp))
    info = ClassifierInfo(**{**asdict(info), "weights_sha256": file_sha256(path)})
    write_text_atomic(sidecar_path(path), json.dumps(asdict(info), indent=2) + "\n")
    return info


def load_classifier(dataset: str, path: Path | None = None) -> tuple[SmallCNN, ClassifierInfo]:
    """The trained classifier of `dataset` (from `path` or the cache), checked by its sidecar."""
    path = Path(path) if path is not None else classifier_path(dataset)
    retrain = f"run `gankit train-classifier --data {dataset}`"
    if not path.is_file() or not sidecar_path(path).is_file():
        raise GankitError(f"no domain classifier for {dataset!r} at {path}; {retrain} first")
    info = read_sidecar(sidecar_path(path), retrain)
    if info.weights_sha256 != file_sha256(path):
        raise GankitError(f"{path} does not match its sidecar {sidecar_path(path).name} "
                          f"(interrupted or edited); {retrain} --force")
    network = build_network(info)
    try:
        network.load_state_dict(load_file(str(path)))
    except (SafetensorError, RuntimeError, OSError) as error:
        raise GankitError(f"cannot load {path} ({first_line(error)}); {retrain} --force") from None
    return network, info


def read_sidecar(path: Path, retrain: str) -> ClassifierInfo:
    try:
        fields = json.loads(path.read_text(encoding="utf-8"))
        info = ClassifierInfo(**fields)
    except (OSError, ValueError, TypeError) as error:
        raise GankitError(f"{path} is not a gankit classifier sidecar ({first_line(error)}); "
                          f"{retrain} --force") from None
    if info.format != FORMAT or info.architecture != ARCHITECTURE:
        raise GankitError(f"{path} was written by another gankit version "
                          f"({info.format}, {info.architecture}); {retrain} --force")
    return info


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class DomainClassifier(Extractor):
    """Features: the 256-d penultimate layer; probabilities: the softmax over the classes.

    The k-NN metrics (precision, recall, density, coverage) use more: the penultimate layer and
    each conv stage's per-channel mean and standard deviation, each block weighted equally. The
    penultimate layer alone maps inputs unlike any data (noise, shuffled pixels) into the data's
    manifold, so noise scored precision 0.999; with the conv stages' statistics, 0.01."""

    name = "domain-classifier"
    manifold_kind = "classifier-multiscale-v1"
    network: SmallCNN

    def __init__(self, network: SmallCNN, info: ClassifierInfo,
                 device: str | torch.device = "cpu") -> None:
        super().__init__(network, device)
        self.info = info
        self.num_classes = info.classes
        self.identity = f"classifier:{info.dataset}:{info.weights_sha256[:SHORT_SHA]}"

    @classmethod
    def load(cls, dataset: str, path: Path | str | None = None,
             device: str | torch.device = "cpu") -> DomainClassifier:
        network, info = load_classifier(dataset, None if path is None else Path(path))
        return cls(network, info, device)

    def check_images(self, images: torch.Tensor) -> None:
        expected = (self.info.channels, self.info.image_size, self.info.image_size)
        if tuple(images.shape[1:]) != expected:
            raise GankitError(
                f"the {self.info.dataset} classifier takes {fmt(expected)} images, "
                f"got {fmt(tuple(images.shape[1:]))} (train one for them with `gankit "
                f"train-classifier --data {self.info.dataset} --image-size N --force`)")

    def prepare(self, images: torch.Tensor) -> torch.Tensor:
        return to_input(images).to(self.device)

    def run(self, batch: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, list[torch.Tensor]]:
        """The network's forward (in eval mode), keeping each stage's pooled statistics."""
        net, h = self.network, batch.contiguous(memory_format=torch.channels_last)
        blocks = []
        for stage in net.body:
            h = stage(h)
            blocks.append(torch.cat([h.mean(dim=(2, 3)), h.std(dim=(2, 3))], dim=1))
        features = net.feature(h)
        logits = net.head(features)
        return (features.float().cpu(), logits.float().cpu(),
                [features.float().cpu(), *(b.float().cpu() for b in blocks)])


def fmt(shape: tuple[int, ...]) -> str:
    return "×".join(str(s) for s in shape)
