import numpy as np
import pytest
from scipy import linalg

from gankit.metrics.frechet import feature_statistics, frechet_distance


def scipy_frechet(mu1, sigma1, mu2, sigma2):
    """The textbook formula with scipy's general matrix square root."""
    root = linalg.sqrtm(sigma1 @ sigma2)
    assert np.abs(root.imag).max() < 1e-6
    return np.sum((mu1 - mu2) ** 2) + np.trace(sigma1 + sigma2 - 2 * root.real)


def random_features(rng, n, d, shift=0.0):
    mixing = rng.normal(size=(d, d))
    return rng.normal(size=(n, d)) @ mixing + shift


def test_matches_scipy_on_random_features():
    rng = np.random.default_rng(0)
    a, b = random_features(rng, 500, 8), random_features(rng, 400, 8, shift=0.3)
    stats = (*feature_statistics(a), *feature_statistics(b))
    assert frechet_distance(*stats) == pytest.approx(scipy_frechet(*stats), rel=1e-9)


def test_known_answer_for_diagonal_gaussians():
    mu1, mu2 = np.array([0.0, 1.0, -2.0]), np.array([1.0, 1.0, 0.5])
    var1, var2 = np.array([1.0, 4.0, 0.25]), np.array([9.0, 1.0, 0.25])
    expected = np.sum((mu1 - mu2) ** 2) + np.sum(var1 + var2 - 2 * np.sqrt(var1 * var2))
    # 1 + 0 + 6.25  +  (1 + 9 - 6) + (4 + 1 - 4) + (0.25 + 0.25 - 0.5) = 12.25
    assert expected == pytest.approx(12.25)
    assert frechet_distance(mu1, np.diag(var1), mu2, np.diag(var2)) == pytest.approx(12.25)


def test_known_answer_for_rotated_gaussian():
    # Σ2 = R Σ1 Rᵀ with a 90° rotation swaps the variances: 2-D, variances (4, 1) vs (1, 4);
    # the covariances commute (both diagonal), so tr sqrt(Σ1Σ2) = 2 + 2.
    sigma1, sigma2 = np.diag([4.0, 1.0]), np.diag([1.0, 4.0])
    assert frechet_distance(np.zeros(2), sigma1, np.zeros(2), sigma2) == pytest.approx(2.0)


def test_non_commuting_covariances_match_scipy():
    sigma1 = np.array([[2.0, 0.9], [0.9, 1.0]])
    sigma2 = np.array([[1.0, -0.4], [-0.4, 3.0]])
    mu = np.zeros(2)
    assert frechet_distance(mu, sigma1, mu, sigma2) == pytest.approx(
        scipy_frechet(mu, sigma1, mu, sigma2), rel=1e-10)


def test_distance_to_itself_is_zero():
    rng = np.random.default_rng(1)
    mu, sigma = feature_statistics(random_features(rng, 300, 16))
    assert frechet_distance(mu, sigma, mu, sigma) == pytest.approx(0.0, abs=1e-9)


def test_singular_covariances_stay_finite():
    rng = np.random.default_rng(2)
    mu1, sigma1 = feature_statistics(rng.normal(size=(10, 32)))  # rank 9 of 32
    mu2, sigma2 = feature_statistics(rng.normal(size=(10, 32)) + 1.0)
    distance = frechet_distance(mu1, sigma1, mu2, sigma2)
    assert np.isfinite(distance) and distance > 32 * 0.9  # the mean term alone is about 32
    assert frechet_distance(mu1, sigma1, mu1, sigma1) == pytest.approx(0.0, abs=1e-8)


def test_statistics_match_numpy():
    features = np.random.default_rng(3).normal(size=(50, 4)).astype(np.float32)
    mu, sigma = feature_statistics(features)
    assert mu.dtype == np.float64 and sigma.dtype == np.float64
    np.testing.assert_allclose(mu, features.mean(axis=0), rtol=1e-6)
    np.testing.assert_allclose(sigma, np.cov(features, rowvar=False), rtol=1e-6)


def test_mismatched_shapes_are_refused():
    with pytest.raises(ValueError, match="shapes"):
        frechet_distance(np.zeros(3), np.eye(3), np.zeros(2), np.eye(2))
    with pytest.raises(ValueError):
        feature_statistics(np.zeros((1, 3)))
