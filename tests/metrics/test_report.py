import json

import numpy as np
import pytest

from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.metrics.report import evaluate_images


def digits28():
    return load_dataset("digits", {"image_size": 28}).images


def test_real_images_score_well_and_the_result_is_flat_json(trained):
    images = digits28().permute(0, 2, 3, 1).numpy()  # N×H×W×C works as well as N×C×H×W
    result = evaluate_images(images[:600], "digits", n=600, seed=1)
    json.dumps(result)
    assert result["extractor"].startswith("classifier:digits:")
    assert (result["n_fake"], result["n_real"], result["split"]) == (600, 600, "all")
    assert result["image_size"] == 28 and result["kid_subset_size"] == 600
    assert result["precision"] > 0.8 and result["recall"] > 0.6 and result["coverage"] > 0.8
    assert result["inception_score"] > 5.0  # ten classes, confidently told apart


def test_noise_scores_badly(trained):
    real = evaluate_images(digits28()[:300], "digits", n=300)
    noise = np.random.default_rng(0).integers(0, 256, size=(300, 28, 28, 1), dtype=np.uint8)
    bad = evaluate_images(noise, "digits", n=300)
    assert bad["fid"] > 10 * real["fid"] and bad["kid_mean"] > 10 * real["kid_mean"]
    assert bad["recall"] < 0.1 and bad["coverage"] < 0.1 and bad["precision"] < real["precision"]
    assert bad["inception_score"] < 2.0


def test_more_fakes_than_n_are_subsampled_with_the_seed(trained):
    images = digits28()[:400]
    one = evaluate_images(images, "digits", n=200, seed=3)
    assert one["n_fake"] == 200 and one == evaluate_images(images, "digits", n=200, seed=3)


def test_too_few_images(trained):
    images = load_dataset("digits", {"image_size": 28, "limit": 3}).images
    with pytest.raises(GankitError, match="at least 6 generated"):
        evaluate_images(images, "digits")
