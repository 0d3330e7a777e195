"""Every metric for one set of generated images against a real dataset, as one flat dict that
names the extractor and the sample counts (numbers from different extractors do not compare)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from gankit.core.errors import GankitError
from gankit.metrics.conditional import class_agreement, intra_fid
from gankit.metrics.extractors import DEFAULT, build_extractor
from gankit.metrics.frechet import feature_statistics, frechet_distance
from gankit.metrics.images import as_nchw_uint8
from gankit.metrics.inception_score import SPLITS, inception_score
from gankit.metrics.kid import kernel_inception_distance
from gankit.metrics.manifold import DC_K, PR_K, block_scales, manifold_metrics, scale_blocks
from gankit.metrics.real_stats import RealStats, real_statistics, resizable

MIN_SAMPLES = max(PR_K, DC_K) + 1  # the k-NN metrics need k neighbours besides each point


def evaluate_images(fake_uint8: np.ndarray | torch.Tensor, real_source_name: str,
                    split: str = "test", extractor: str = DEFAULT, n: int = 10000,
                    seed: int = 0, weights: str | None = None,
                    device: str | torch.device = "cpu",
                    labels: np.ndarray | None = None) -> dict[str, Any]:
    """FID, KID, precision/recall, density/coverage (and IS with a classifier) of the generated
    uint8 images against `n` real images of `real_source_name`'s `split`, resized to the
    generated images' size where the dataset allows it; with the `labels` the fakes were drawn
    for, also class agreement and intra-FID (metrics.conditional).

    At most `n` fakes are used (drawn with `seed` when there are more); `weights` is an explicit
    weights file for the extractor.
    """
    fakes, labels = subsample(as_nchw_uint8(fake_uint8), n, seed, labels)
    check_count("generated", len(fakes))
    net = build_extractor(extractor, real_source_name, weights, device)
    fake = net.extract(fakes)
    fake_features, probabilities = fake.features, fake.probabilities
    real = real_statistics(real_source_name, net, split, n, matching_size(real_source_name, fakes),
                           need_labels=labels is not None)
    check_count(f"real ({real_source_name}, {real.split})", real.n)
    assert real.manifold is not None  # real_statistics recomputes a cache without it
    mu, sigma = feature_statistics(fake_features)
    kid = kernel_inception_distance(real.features, fake_features, seed=seed)
    scales = block_scales(real.manifold, real.blocks)
    manifold = manifold_metrics(scale_blocks(real.manifold, real.blocks, scales),
                                scale_blocks(fake.manifold, fake.blocks, scales))
    result: dict[str, Any] = {
        "extractor": net.identity, "manifold_features": net.manifold_kind,
        "dataset": real_source_name, "split": real.split,
        "image_size": int(fakes.shape[-1]),
        "n_fake": len(fakes), "n_real": real.n, "seed": seed,
        "fid": frechet_distance(mu, sigma, real.mu, real.sigma),
        "kid_mean": kid.mean, "kid_std": kid.std, "kid_subset_size": kid.subset_size,
        **manifold.as_dict(),
    }
    if probabilities is not None and len(fakes) >= SPLITS:
        result["inception_score"], result["inception_score_std"] = inception_score(probabilities)
    if labels is not None:
        result |= conditional_metrics(fakes, labels, fake_features, real, real_source_name,
                                      device)
    return result


def conditional_metrics(fakes: torch.Tensor, labels: np.ndarray, fake_features: np.ndarray,
                        real: RealStats, dataset: str,
                        device: str | torch.device) -> dict[str, Any]:
    """Intra-FID on the same extractor, and class agreement by the domain classifier."""
    if real.labels is None:
        raise GankitError(f"dataset {dataset!r} has no labels, so samples cannot be judged by "
                          f"class")
    judge = build_extractor(DEFAULT, dataset, None, device)
    agreement = class_agreement(judge.probabilities(fakes), labels)
    return {**intra_fid(fake_features, labels, real.features, real.labels),
            "class_agreement": agreement, "class_agreement_extractor": judge.identity}


def matching_size(dataset: str, fakes: torch.Tensor) -> int | None:
    """The fakes' side length when the dataset can be resized to it (square fakes only)."""
    height, width = fakes.shape[-2:]
    return int(height) if height == width and resizable(dataset) else None


def subsample(images: torch.Tensor, n: int, seed: int,
              labels: np.ndarray | None = None) -> tuple[torch.Tensor, np.ndarray | None]:
    """`images` (and their labels) when there are at most `n`, else `n` of them drawn with
    `seed`."""
    if n < MIN_SAMPLES:
        raise GankitError(f"n must be at least {MIN_SAMPLES}, got {n}")
    if len(images) <= n:
        return images, labels
    keep = torch.randperm(len(images), generator=torch.Generator().manual_seed(seed))[:n]
    keep = keep.sort().values
    return images[keep], None if labels is None else labels[keep.numpy()]


def check_count(what: str, count: int) -> None:
    if count < MIN_SAMPLES:
        raise GankitError(f"need at least {MIN_SAMPLES} {what} images, got {count}")
