"""Image-to-image runs on their test pairs, for `gankit sample` and `gankit eval`
(training.evaluation.pairs does the work; this adds the run's generator and the .npz form)."""

from __future__ import annotations

from typing import Any

import numpy as np

from gankit.data.pictures import images_hwc
from gankit.training.evaluation import pairs
from gankit.training.evaluation.pairs import Translated
from gankit.use.runs import TrainedGenerator

__all__ = ["Translated", "as_arrays", "evaluate_pairs", "translate_test_pairs"]


def translate_test_pairs(loaded: TrainedGenerator, n: int, seed: int = 0) -> Translated:
    return pairs.translate_test_pairs(loaded.generator, loaded.config, n, seed)


def evaluate_pairs(loaded: TrainedGenerator, n: int | None = None, seed: int = 0,
                   **options: Any) -> dict[str, Any]:
    return pairs.evaluate_pairs(loaded.generator, loaded.config, n, seed, **options)


def as_arrays(done: Translated) -> dict[str, np.ndarray]:
    """uint8 N×H×W×C arrays of the sources, outputs and targets, for an .npz file."""
    arrays = {"sources": images_hwc(done.sources), "outputs": images_hwc(done.outputs),
              "targets": images_hwc(done.targets)}
    if done.labels is not None:
        arrays["labels"] = done.labels.numpy()
    return arrays
