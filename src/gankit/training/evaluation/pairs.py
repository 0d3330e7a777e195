"""Evaluating an image-conditioned generator on its run's test pairs: the first n pairs of the
held-out data (its test split when the dataset has one), fixed by index, so the same pairs on
every run and machine; each source translated in eval mode (dropout off)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from torch import Tensor, nn

from gankit.config.schema import Config
from gankit.core.errors import GankitError
from gankit.data.paired.options import PairOptions
from gankit.data.pictures import sample_arrays
from gankit.metrics.evaluate import evaluate_samples
from gankit.metrics.paired import paired_scores
from gankit.nets.sampling import sample_generator
from gankit.training.build import heldout_source

PAIRS_N = 2000  # test pairs scored by default


@dataclass(frozen=True)
class Translated:
    sources: Tensor  # N×C_s×H_s×W_s in [-1, 1]
    outputs: Tensor  # N×C×H×W in [-1, 1]
    targets: Tensor
    labels: Tensor | None  # the targets' classes, when the data has them
    masked: bool  # the sources' last channel marks holes (inpainting)


def translate_test_pairs(generator: nn.Module, config: Config, n: int,
                         seed: int = 0) -> Translated:
    data = heldout_source(config)
    if not hasattr(data, "first_pairs"):
        raise GankitError(f"{config.data} holds no image pairs to translate")
    targets, sources, labels = data.first_pairs(n)
    outputs = sample_generator(generator, config.z_dim, n, seed, sources)
    return Translated(sources, outputs, targets, labels, bool(getattr(data, "masked", False)))


def evaluate_pairs(generator: nn.Module, config: Config, n: int | None = None, seed: int = 0,
                   **options: Any) -> dict[str, Any]:
    """PSNR, SSIM and sharpness of the outputs against their targets (inside the holes too, for
    inpainting), and the image metrics of the outputs against the dataset's real images (FID
    and the rest; class agreement with the targets' classes when the data has them).
    `options` go to metrics.evaluate.evaluate_samples (features, weights, device, ...)."""
    done = translate_test_pairs(generator, config, n or PAIRS_N, seed)
    hole = done.sources[:, -1] > 0 if done.masked else None
    scores = paired_scores(done.outputs, done.targets, hole)
    pairing = {f.name for f in dataclasses.fields(PairOptions)}  # the dataset without its pairs
    plain = {k: v for k, v in config.data_options.items() if k not in pairing}
    labels = None if done.labels is None else done.labels.numpy()
    realism = evaluate_samples(sample_arrays(done.outputs), config.data, plain,
                               n=len(done.outputs), seed=seed, labels=labels, **options)
    return {"pairs": len(done.outputs), **scores, **realism}
