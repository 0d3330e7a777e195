import math

import numpy as np
import pytest

from gankit.metrics.modes import kl_to_uniform, mode_coverage

CENTERS = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])


def test_one_point_per_mode_is_perfect():
    result = mode_coverage(CENTERS.copy(), CENTERS, sigma=0.01)
    assert result.modes == 4 and result.high_quality == 100.0 and result.kl == pytest.approx(0.0)


def test_all_points_on_one_mode():
    points = np.repeat(CENTERS[:1], 10, axis=0)
    result = mode_coverage(points, CENTERS, sigma=0.01)
    assert result.modes == 1 and result.high_quality == 100.0
    assert result.kl == pytest.approx(math.log(4))


def test_points_between_modes_are_low_quality():
    points = np.array([[0.5, 0.5], [-0.5, 0.5], [1.0, 0.02]])  # last one is 2 sigma away
    result = mode_coverage(points, CENTERS, sigma=0.01)
    assert result.modes == 1 and result.high_quality == pytest.approx(100 / 3)


def test_threshold_is_in_sigmas():
    points = np.array([[1.029, 0.0], [1.031, 0.0]])
    result = mode_coverage(points, CENTERS, sigma=0.01)
    assert result.high_quality == 50.0


def test_kl_hand_value():
    counts = np.array([3, 1, 0, 0])
    expected = 0.75 * math.log(0.75 * 4) + 0.25 * math.log(0.25 * 4)
    assert kl_to_uniform(counts) == pytest.approx(expected)
    assert kl_to_uniform(np.zeros(4, dtype=int)) == math.inf
