import math

import numpy as np
import pytest

from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.metrics.evaluate import evaluate_samples


def ring_centers():
    return load_dataset("ring").centers.numpy()


def test_one_point_per_mode_is_perfect():
    result = evaluate_samples(ring_centers(), "ring")
    assert result["metric_set"] == "mode-coverage"
    assert (result["modes"], result["total_modes"], result["n"]) == (8, 8, 8)
    assert result["high_quality"] == 100.0
    assert result["kl"] == pytest.approx(0.0, abs=1e-12)
    assert result["mode_score"] == pytest.approx(1.0)


def test_collapse_to_one_mode():
    points = np.repeat(ring_centers()[:1], 40, axis=0)
    result = evaluate_samples(points, "ring")
    assert result["modes"] == 1 and result["high_quality"] == 100.0
    assert result["kl"] == pytest.approx(math.log(8))
    assert result["mode_score"] == pytest.approx(1 / 8)  # exp(-KL): one effective mode of eight


def test_far_points_are_not_high_quality():
    result = evaluate_samples(np.full((10, 2), 9.0), "ring")
    assert (result["modes"], result["high_quality"], result["mode_score"]) == (0, 0.0, 0.0)
    assert math.isinf(result["kl"])


def test_sigma_option_and_grid():
    points = ring_centers() + 0.05  # 7 σ away at the default σ = 0.01, 1.4 σ at 0.05
    assert evaluate_samples(points, "ring")["high_quality"] == 0.0
    assert evaluate_samples(points, "ring", {"sigma": 0.05})["high_quality"] == 100.0
    assert evaluate_samples(points, "grid")["total_modes"] == 25


def test_n_caps_and_subsamples_with_the_seed():
    points = np.random.default_rng(0).normal(size=(3000, 2))
    assert evaluate_samples(points, "ring")["n"] == 2500
    one = evaluate_samples(points, "ring", n=100, seed=4)
    assert one["n"] == 100 and one == evaluate_samples(points, "ring", n=100, seed=4)
    with pytest.raises(GankitError, match="n=3001 samples, but there are only 3000"):
        evaluate_samples(points, "ring", n=3001)


@pytest.mark.parametrize("samples, data, message", [
    (np.zeros((5, 2)), "digits", "no modes"),
    (np.zeros((10, 8, 8), np.uint8), "ring", "the samples are images but dataset 'ring'"),
    (np.zeros((10, 8, 8), np.float32), "digits", "must be uint8"),
    (np.zeros((0, 2)), "ring", "no samples"),
    (np.zeros((5, 2)), "nope", "unknown dataset 'nope'"),
])
def test_mismatches_are_one_line_errors(samples, data, message):
    with pytest.raises(GankitError, match=message) as info:
        evaluate_samples(samples, data)
    assert "\n" not in str(info.value)


def test_images_name_their_extractor_and_counts(trained):
    images = load_dataset("digits", {"image_size": 28}).images[:40].permute(0, 2, 3, 1).numpy()
    result = evaluate_samples(images, "digits", n=30)
    assert result["metric_set"] == "image-features"
    assert result["extractor"].startswith("classifier:digits:")
    assert (result["n_fake"], result["n_real"]) == (30, 30)
