"""The Python API: the same operations as the CLI, returning objects instead of files.

    import gankit
    run = gankit.train("ns-ring", steps=2000, out="runs/ring")
    points = gankit.sample(run, n=2500)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from gankit.config.load import load_config
from gankit.nets.sampling import sample_generator
from gankit.training.engine import Trainer
from gankit.training.runs import resume_run, start_run
from gankit.use.encoding import (
    encode_images,
    open_encoder_run,
    real_images,
    reconstruct_images,
)
from gankit.use.labels import ClassChoice, labels_for
from gankit.use.runs import TrainedGenerator, open_generator


def train(source: str | None = None, **overrides: Any) -> Path:
    """Train from a preset name or YAML path with keyword overrides (nested keys with '__'
    or dots in a dict: `g_opt__lr=1e-4`). Returns the run directory."""
    trainer = make_trainer(source, **overrides)
    trainer.fit()
    return trainer.run_dir.root


def make_trainer(source: str | None = None, **overrides: Any) -> Trainer:
    """A ready-to-fit Trainer, for callers that want to step it themselves."""
    return start_run(load_config(source, _as_items(overrides)))


def resume(run_dir: str | Path, **overrides: Any) -> Path:
    trainer = resume_run(run_dir, _as_items(overrides))
    trainer.fit()
    return trainer.run_dir.root


def sample(run_dir: str | Path, n: int = 64, seed: int = 0, use_ema: bool = True,
           device: str = "auto", labels: ClassChoice = None) -> torch.Tensor:
    """n samples from a trained run, on the CPU: images in [-1, 1] (N×C×H×W), points (N×2) or
    token sequences (int64 N×L). Conditional runs need `labels`: a class name or index for all
    n samples, or n labels (a list or tensor)."""
    loaded = open_generator(run_dir, use_ema, device)
    chosen = labels_for(loaded.classes, n, labels, run=str(run_dir))
    return sample_generator(loaded.generator, loaded.config.z_dim, n, seed, chosen)


def encode(run_dir: str | Path, images: torch.Tensor | None = None, *, data: str | None = None,
           split: str | None = None, n: int | None = None, device: str = "auto",
           labels: torch.Tensor | None = None) -> torch.Tensor:
    """O-GAN codes 𝒩(E(x)) (N×z_dim) of `images` (float N×C×H×W in [-1, 1]), or of the first
    `n` images of `data`/`split` (default: the run's dataset, test split). Conditional runs need
    the images' `labels` when `images` are given (else the dataset's are used)."""
    run = open_encoder_run(run_dir, device=device)
    return encode_images(run, *_images(run, images, labels, data, split, n))


def reconstruct(run_dir: str | Path, images: torch.Tensor | None = None, *,
                temperature: float = 1.0, data: str | None = None, split: str | None = None,
                n: int | None = 32, device: str = "auto",
                labels: torch.Tensor | None = None) -> torch.Tensor:
    """O-GAN reconstructions G(temperature · 𝒩(E(x))) in [-1, 1], N×C×H×W (conditional runs:
    encoded and decoded with the images' true `labels`)."""
    run = open_encoder_run(run_dir, device=device)
    images, labels = _images(run, images, labels, data, split, n)
    return reconstruct_images(run, images, temperature, labels)


def _images(run: TrainedGenerator, images: torch.Tensor | None, labels: torch.Tensor | None,
            data: str | None, split: str | None,
            n: int | None) -> tuple[torch.Tensor, torch.Tensor | None]:
    if images is not None:
        return images.float(), labels
    real = real_images(run, data, split, n)
    return real.images, real.labels


def _as_items(overrides: dict[str, Any]) -> list[str]:
    import yaml

    items = []
    for key, value in overrides.items():
        text = yaml.safe_dump(value, default_flow_style=True).strip()
        text = text[: -len("...")].strip() if text.endswith("...") else text
        items.append(f"{key.replace('__', '.')}={text}")
    return items
