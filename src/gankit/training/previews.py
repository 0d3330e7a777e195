"""The preview a run writes every log.sample_every steps: what the data source shows for samples
at a fixed latent seed (a PNG grid or scatter plot, or text lines), also sent to TensorBoard."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from torch import nn

from gankit.config.schema import Config
from gankit.core.io import write_text_atomic
from gankit.data.base import DataSource
from gankit.nets.sampling import balanced_labels, sample_generator
from gankit.training.logger import RunLogger
from gankit.viz.grid import save_png

PREVIEW_SEED_OFFSET = 2  # previews draw z from config.seed + 2, apart from training's RNGs


def write_preview(data: DataSource, generator: nn.Module, config: Config, step: int,
                  folder: Path, logger: RunLogger | None, classes: int = 0) -> None:
    """Class-conditional runs show every class, one row each; image-conditioned runs the same
    sources each time, each beside its output."""
    n = data.preview_count(asdict(config.log))
    conditions = data.preview_conditions(n)
    if classes:
        n = max(1, n // classes) * classes
        conditions = balanced_labels(n, classes)
    elif conditions is not None:
        n = len(conditions)
    seed = config.seed + PREVIEW_SEED_OFFSET
    samples = sample_generator(generator, config.z_dim, n, seed, conditions)
    shown = data.preview(samples, conditions)
    stem = folder / f"step_{step:07d}"
    if shown.picture is not None:
        save_png(shown.picture, stem.with_suffix(".png"), scale=shown.scale)
        if logger is not None:
            logger.image("samples", shown.picture, step)
    if shown.text is not None:
        write_text_atomic(stem.with_suffix(".txt"), shown.text)
        if logger is not None:
            logger.text("samples", shown.text, step)
