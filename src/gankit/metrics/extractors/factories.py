"""How each registered extractor is built (registry.py names them)."""

from __future__ import annotations

from pathlib import Path

import torch

from gankit.metrics.extractors.base import Extractor
from gankit.metrics.extractors.classifier import DomainClassifier
from gankit.metrics.extractors.inception import InceptionFID


def make_domain_classifier(dataset: str, path: Path | str | None,
                           device: str | torch.device) -> Extractor:
    return DomainClassifier.load(dataset, path, device)


def make_inception(dataset: str, path: Path | str | None,
                   device: str | torch.device) -> Extractor:
    return InceptionFID.load(path, device)
