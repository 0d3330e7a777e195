"""What every feature extractor offers: a name, an identity, features and (maybe) probabilities.

The identity names the network and its exact weights (e.g. `classifier:fashion-mnist:1a2b3c4d5e6f`);
it keys cached statistics and is printed with every number, because numbers from different
extractors are not comparable.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.metrics.images import as_nchw_uint8

BATCH = 500


class Extractor:
    """A frozen network that maps uint8 images to features (and, with classes, probabilities)."""

    name: str
    identity: str
    num_classes: int | None = None
    batch_size: int = BATCH

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
        images = as_nchw_uint8(images)
        if len(images) == 0:
            raise GankitError("no images to extract features from")
        self.check_images(images)
        features, logits = [], []
        with torch.no_grad():
            for start in range(0, len(images), self.batch_size):
                batch = self.prepare(images[start:start + self.batch_size])
                feature, logit = self.network(batch)
                features.append(feature.float().cpu())
                logits.append(None if logit is None else logit.float().cpu())
        return stack(features, logits)


def stack(features: list[torch.Tensor],
          logits: list[torch.Tensor | None]) -> tuple[np.ndarray, np.ndarray | None]:
    feature_array = torch.cat(features).numpy()
    if logits[0] is None:
        return feature_array, None
    return feature_array, torch.cat(logits).softmax(dim=1).numpy()  # type: ignore[arg-type]
