"""What every feature extractor offers: a name, an identity, features and (maybe) probabilities.

The identity names the network and its exact weights (e.g. `classifier:fashion-mnist:1a2b3c4d5e6f`);
it keys cached statistics and is printed with every number, because numbers from different
extractors are not comparable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.metrics.images import as_nchw_uint8

BATCH = 500


@dataclass(frozen=True)
class Extraction:
    """Features (FID, KID), probabilities (None without classes) and the features the k-NN
    metrics use, in blocks of `blocks` widths that each get the same weight (metrics.manifold)."""

    features: np.ndarray
    probabilities: np.ndarray | None
    manifold: np.ndarray
    blocks: tuple[int, ...]


class Extractor:
    """A frozen network that maps uint8 images to features (and, with classes, probabilities).
    `manifold_kind` names the features precision, recall, density and coverage are computed on
    (the same features unless an extractor gives others)."""

    name: str
    identity: str
    num_classes: int | None = None
    batch_size: int = BATCH
    manifold_kind: str = "features"

    def __init__(self, network: nn.Module, device: str | torch.device = "cpu") -> None:
        self.device = torch.device(device)
        self.network = network.to(self.device).eval().requires_grad_(False)

    def prepare(self, images: torch.Tensor) -> torch.Tensor:
        """uint8 N×C×H×W batch → the float input the network expects (on self.device)."""
        raise NotImplementedError

    def check_images(self, images: torch.Tensor) -> None:
        """Raise GankitError when the images cannot go through this extractor."""

    def features(self, images: np.ndarray | torch.Tensor) -> np.ndarray:
        """float32 N×D features of uint8 images (N×H×W×C or N×C×H×W)."""
        return self.features_and_probabilities(images)[0]

    def probabilities(self, images: np.ndarray | torch.Tensor) -> np.ndarray:
        """float32 N×classes softmax outputs."""
        probabilities = self.features_and_probabilities(images)[1]
        if probabilities is None:
            raise GankitError(f"extractor {self.name!r} has no classes, so no probabilities")
        return probabilities

    def features_and_probabilities(
        self, images: np.ndarray | torch.Tensor
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """Features and probabilities (None without classes) in one batched pass."""
        extraction = self.extract(images)
        return extraction.features, extraction.probabilities

    def extract(self, images: np.ndarray | torch.Tensor) -> Extraction:
        """Everything the metrics read from `images`, in one batched pass."""
        images = as_nchw_uint8(images)
        if len(images) == 0:
            raise GankitError("no images to extract features from")
        self.check_images(images)
        parts: list[tuple[torch.Tensor, torch.Tensor | None, list[torch.Tensor]]] = []
        with torch.no_grad():
            for start in range(0, len(images), self.batch_size):
                parts.append(self.run(self.prepare(images[start:start + self.batch_size])))
        features = torch.cat([f for f, _, _ in parts]).numpy()
        # an extractor gives logits for every batch or for none
        logits = None if parts[0][1] is None else torch.cat(
            [cast(torch.Tensor, lg) for _, lg, _ in parts])
        blocks = [torch.cat([b[i] for _, _, b in parts]) for i in range(len(parts[0][2]))]
        manifold = torch.cat(blocks, dim=1).numpy() if blocks else features
        widths = tuple(b.shape[1] for b in blocks) or (features.shape[1],)
        probabilities = None if logits is None else logits.softmax(dim=1).numpy()
        return Extraction(features, probabilities, manifold, widths)

    def run(self, batch: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None,
                                                 list[torch.Tensor]]:
        """One batch: features, logits (None without classes) and the manifold blocks ([] to
        use the features)."""
        feature, logit = self.network(batch)
        return feature.float().cpu(), None if logit is None else logit.float().cpu(), []
