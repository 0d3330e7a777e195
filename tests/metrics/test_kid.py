import numpy as np
import pytest

from gankit.metrics.kid import kernel_inception_distance, mmd2_unbiased, polynomial_kernel


def hand_mmd2(x, y):
    """The unbiased estimator written out pair by pair."""
    d = x.shape[1]

    def k(a, b):
        return (a @ b / d + 1.0) ** 3

    m, n = len(x), len(y)
    xx = sum(k(x[i], x[j]) for i in range(m) for j in range(m) if i != j) / (m * (m - 1))
    yy = sum(k(y[i], y[j]) for i in range(n) for j in range(n) if i != j) / (n * (n - 1))
    xy = sum(k(x[i], y[j]) for i in range(m) for j in range(n)) / (m * n)
    return xx + yy - 2 * xy


def biased_mmd2(x, y):
    """The V-statistic (diagonals kept): positive in expectation even for one distribution."""
    return (polynomial_kernel(x, x).mean() + polynomial_kernel(y, y).mean()
            - 2 * polynomial_kernel(x, y).mean())


def test_matches_hand_computation():
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(4, 3)), rng.normal(size=(5, 3)) + 0.5
    assert mmd2_unbiased(x, y) == pytest.approx(hand_mmd2(x, y), rel=1e-12)


def test_kernel_value():
    x, y = np.array([[1.0, 2.0]]), np.array([[3.0, -1.0]])
    assert polynomial_kernel(x, y)[0, 0] == pytest.approx((1.0 / 2 + 1.0) ** 3)


def test_unbiased_on_identical_distributions():
    rng = np.random.default_rng(1)
    draws = 400
    unbiased, biased = np.empty(draws), np.empty(draws)
    for i in range(draws):
        x, y = rng.normal(size=(20, 4)), rng.normal(size=(20, 4))
        unbiased[i], biased[i] = mmd2_unbiased(x, y), biased_mmd2(x, y)
    standard_error = unbiased.std() / np.sqrt(draws)
    assert abs(unbiased.mean()) < 3 * standard_error
    assert biased.mean() > 10 * standard_error  # the test would notice a biased estimator


def test_kid_near_zero_for_same_distribution_and_positive_when_shifted():
    rng = np.random.default_rng(2)
    real = rng.normal(size=(1500, 16))
    same = kernel_inception_distance(real, rng.normal(size=(1500, 16)), subsets=20,
                                     subset_size=500)
    shifted = kernel_inception_distance(real, rng.normal(size=(1500, 16)) + 0.5, subsets=20,
                                        subset_size=500)
    assert abs(same.mean) < 3 * same.std
    assert shifted.mean > 10 * shifted.std > 0


def test_subset_size_is_capped_and_seed_repeats():
    rng = np.random.default_rng(3)
    real, fake = rng.normal(size=(60, 5)), rng.normal(size=(40, 5))
    first = kernel_inception_distance(real, fake, subsets=5, seed=7)
    assert first.subset_size == 40 and first.subsets == 5
    assert kernel_inception_distance(real, fake, subsets=5, seed=7) == first
    assert kernel_inception_distance(real, fake, subsets=5, seed=8) != first


def test_mismatched_features_are_refused():
    with pytest.raises(ValueError):
        kernel_inception_distance(np.zeros((10, 3)), np.zeros((10, 4)))
