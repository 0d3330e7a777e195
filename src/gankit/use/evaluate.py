"""Evaluate a run directory's checkpoint: `gankit eval RUN_DIR` without the printing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gankit.metrics.evaluate import DEFAULT_N
from gankit.training.evaluation.generator import evaluate_generator
from gankit.use.pairs import evaluate_pairs
from gankit.use.runs import open_generator


def evaluate_run(run_dir: Path | str, data: str | None = None, n: int | None = None, *,
                 seed: int = 0, use_ema: bool = True, checkpoint: str = "last",
                 device: str = "auto", **options: Any) -> tuple[dict[str, Any], int]:
    """Metrics of n samples of a run's generator, and the step of its checkpoint.

    `data` defaults to the run's dataset (with the run's data options); `n` to POINTS_N,
    TOKENS_N or IMAGES_N. `options`: features, weights, split.
    """
    loaded = open_generator(run_dir, use_ema, device, checkpoint)
    if loaded.source_shape is not None:  # an image-to-image run: scored on its test pairs
        return evaluate_pairs(loaded, n, seed, **options), loaded.step
    config = loaded.config
    data_options = config.data_options if data in (None, config.data) else None
    n = n if n is not None else DEFAULT_N[loaded.kind]
    device_used = next(loaded.generator.parameters()).device
    classes = len(loaded.classes) if loaded.classes else 0
    result = evaluate_generator(loaded.generator, config.z_dim, data or config.data, n,
                                data_options, seed=seed, device=device_used, classes=classes,
                                **options)
    return result, loaded.step
