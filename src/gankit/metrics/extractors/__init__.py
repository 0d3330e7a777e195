"""Feature extractors by name. Each registered value builds an extractor:

    make(dataset, path, device) -> Extractor

`dataset` is the real data being compared against (the domain classifier is per dataset),
`path` an explicit weights file (None: the extractor's default place).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import torch

from gankit.core.registry import Registry
from gankit.metrics.extractors.base import Extractor
from gankit.metrics.extractors.classifier import DomainClassifier
from gankit.metrics.extractors.inception import InceptionFID

Factory = Callable[[str, Path | str | None, str | torch.device], Extractor]
EXTRACTORS: Registry[Factory] = Registry("extractor")
DEFAULT = "domain-classifier"

__all__ = ["DEFAULT", "EXTRACTORS", "Extractor", "build_extractor"]


@EXTRACTORS.register("domain-classifier",
                     "small CNN gankit trains per dataset (gankit train-classifier); 256-d")
def make_domain_classifier(dataset: str, path: Path | str | None,
                           device: str | torch.device) -> Extractor:
    return DomainClassifier.load(dataset, path, device)


@EXTRACTORS.register("inception-v3-fid",
                     "FID's Inception-v3 from a local file ($GANKIT_INCEPTION_WEIGHTS); 2048-d")
def make_inception(dataset: str, path: Path | str | None,
                   device: str | torch.device) -> Extractor:
    return InceptionFID.load(path, device)


def build_extractor(name: str, dataset: str, path: Path | str | None = None,
                    device: str | torch.device = "cpu") -> Extractor:
    """The extractor `name` for comparisons against `dataset`."""
    return EXTRACTORS.get(name)(dataset, path, device)
