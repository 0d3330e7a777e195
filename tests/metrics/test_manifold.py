import numpy as np
import pytest
import torch

from gankit.metrics import manifold
from gankit.metrics.manifold import kth_neighbour_radii, manifold_metrics


def on_line(*xs):
    """Points (x, 0) in the plane."""
    return np.array([[x, 0.0] for x in xs])


def test_identical_sets_have_full_precision_recall_and_coverage():
    points = np.random.default_rng(0).normal(size=(300, 8))
    result = manifold_metrics(points, points.copy())
    assert (result.precision, result.recall, result.coverage) == (1.0, 1.0, 1.0)
    assert result.density >= 1.0  # each point lies at least in its own ball and its k nearest


def test_far_apart_sets_have_nothing_in_common():
    rng = np.random.default_rng(1)
    result = manifold_metrics(rng.normal(size=(200, 4)), rng.normal(size=(200, 4)) + 100.0)
    assert result.as_dict() == {"precision": 0.0, "recall": 0.0, "density": 0.0,
                                "coverage": 0.0}


def test_fakes_on_half_the_support_recall_half():
    rng = np.random.default_rng(2)
    real = rng.uniform(size=(3000, 2))
    fake = rng.uniform(size=(3000, 2)) * [0.5, 1.0]  # the left half of the unit square
    result = manifold_metrics(real, fake)
    assert result.recall == pytest.approx(0.5, abs=0.04)
    assert result.precision > 0.97
    assert result.coverage == pytest.approx(0.5, abs=0.05)


def test_hand_case_with_k_one():
    # Reals 0..6 on a line: each nearest-neighbour radius is 1. Fakes at 0.5 and 10.
    real, fake = on_line(0, 1, 2, 3, 4, 5, 6), on_line(0.5, 10)
    result = manifold_metrics(real, fake, pr_k=1, dc_k=1)
    assert result.precision == pytest.approx(1 / 2)  # 0.5 lies in a real ball, 10 does not
    assert result.recall == pytest.approx(1.0)  # fake radius 9.5 reaches every real point
    assert result.density == pytest.approx((2 + 0) / (1 * 2))  # 0.5 is in the balls of 0 and 1
    assert result.coverage == pytest.approx(2 / 7)  # only reals 0 and 1 have a fake in reach


def test_radii_skip_the_point_itself():
    radii = kth_neighbour_radii(torch.tensor(on_line(0, 1, 3, 7), dtype=torch.float32), (1, 2))
    np.testing.assert_allclose(radii[1].numpy(), [1, 1, 2, 4], atol=1e-5)
    np.testing.assert_allclose(radii[2].numpy(), [3, 2, 3, 6], atol=1e-5)


def test_chunking_does_not_change_the_result(monkeypatch):
    rng = np.random.default_rng(3)
    real, fake = rng.normal(size=(70, 5)), rng.normal(size=(50, 5)) + 0.3
    whole = manifold_metrics(real, fake)
    monkeypatch.setattr(manifold, "CHUNK", 16)
    assert manifold_metrics(real, fake) == whole


def test_too_few_points_for_k():
    with pytest.raises(ValueError, match="more than k"):
        manifold_metrics(np.zeros((5, 2)), np.zeros((10, 2)))
