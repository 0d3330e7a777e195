"""Class agreement, intra-FID and per-mode agreement, by hand."""

import numpy as np
import pytest

from gankit.metrics.conditional import class_agreement, intra_fid, mode_agreement


def test_class_agreement_is_the_share_classified_as_drawn():
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.3, 0.7]])
    assert class_agreement(probabilities, np.array([0, 1, 1, 1])) == pytest.approx(0.75)


def test_intra_fid_is_zero_for_matching_classes_and_grows_with_a_shift():
    rng = np.random.default_rng(0)
    real = rng.normal(size=(400, 3))
    labels = np.repeat([0, 1], 200)
    same = intra_fid(real, labels, real, labels)
    assert same["intra_fid"] == pytest.approx(0.0, abs=1e-6) and same["intra_fid_classes"] == 2
    shifted = real.copy()
    shifted[labels == 1] += 2.0  # class 1 moved by 2 in every coordinate: FID 12 for it
    result = intra_fid(shifted, labels, real, labels)
    assert result["intra_fid"] == pytest.approx((0 + 12) / 2, rel=1e-6)
    assert result["intra_fid_worst_class"] == 1


def test_classes_without_enough_samples_are_left_out():
    real = np.random.default_rng(1).normal(size=(10, 2))
    result = intra_fid(real[:3], np.array([0, 0, 1]), real, np.zeros(10, dtype=int))
    assert result["intra_fid_classes"] == 1


def test_mode_agreement_by_hand():
    centers = np.array([[0.0, 0.0], [1.0, 0.0]])
    points = np.array([[0.0, 0.01], [1.0, 0.0], [0.9, 0.0], [0.0, 0.0]])
    labels = np.array([0, 1, 0, 1])  # the third and fourth land on the other mode
    result = mode_agreement(points, labels, centers, sigma=0.01)
    assert result["class_agreement"] == pytest.approx(0.5)
    assert result["class_high_quality"] == pytest.approx(50.0)
    assert result["class_high_quality_min"] == pytest.approx(50.0)
