import numpy as np
import pytest
import torch
from torch import nn

from gankit.metrics import real_stats
from gankit.metrics.extractors.base import Extractor
from gankit.metrics.frechet import feature_statistics
from gankit.metrics.real_stats import real_statistics, stats_path


class Pooled(nn.Module):
    """4×4 average pooling of the pixels: 16 features, no classes."""

    def forward(self, x):
        return nn.functional.adaptive_avg_pool2d(x, 4).flatten(1), None


class CountingExtractor(Extractor):
    name = "pooled"
    identity = "pooled:test"

    def __init__(self):
        super().__init__(Pooled())
        self.calls = 0

    def prepare(self, images):
        self.calls += 1
        return images.float() / 255.0


def test_computed_once_then_read_back(cache):
    extractor = CountingExtractor()
    first = real_statistics("digits", extractor, n=300)
    calls = extractor.calls
    assert calls > 0 and first.n == 300 and first.split == "all"  # digits has no splits
    assert stats_path("digits", "all", 0, "pooled:test", 300).is_file()
    second = real_statistics("digits", extractor, n=300)
    assert extractor.calls == calls
    for name in ("features", "mu", "sigma"):
        np.testing.assert_array_equal(getattr(first, name), getattr(second, name))
    mu, sigma = feature_statistics(first.features)
    np.testing.assert_allclose(second.mu, mu) and np.testing.assert_allclose(second.sigma, sigma)


def test_the_key_separates_entries(cache):
    extractor = CountingExtractor()
    small, everything = real_statistics("digits", extractor, n=100), real_statistics(
        "digits", extractor, n=5000)
    assert small.n == 100 and everything.n == 1797 and everything.requested == 5000
    assert len(list((cache / "real-stats").iterdir())) == 2


def test_corrupted_cache_is_recomputed(cache):
    extractor = CountingExtractor()
    good = real_statistics("digits", extractor, n=200)
    path = stats_path("digits", "all", 0, "pooled:test", 200)
    path.write_bytes(b"garbage")
    calls = extractor.calls
    again = real_statistics("digits", extractor, n=200)
    assert extractor.calls > calls
    np.testing.assert_array_equal(again.features, good.features)
    assert real_stats.read_stats(path, {"dataset": "digits", "split": "all", "image_size": 0,
                                        "extractor": "pooled:test", "requested": 200})


def test_a_file_for_another_key_is_not_trusted(cache):
    extractor = CountingExtractor()
    real_statistics("digits", extractor, n=150)
    source = stats_path("digits", "all", 0, "pooled:test", 150)
    target = stats_path("digits", "all", 0, "pooled:test", 160)
    target.write_bytes(source.read_bytes())
    calls = extractor.calls
    assert real_statistics("digits", extractor, n=160).n == 160
    assert extractor.calls > calls


def test_subset_is_fixed_and_sorted(cache):
    first, labels = real_stats.real_images("digits", "all", 50)
    again, labels_again = real_stats.real_images("digits", "all", 50)
    assert torch.equal(first, again) and torch.equal(labels, labels_again)
    assert first.shape == (50, 1, 8, 8)


def test_splits_are_used_where_the_dataset_has_them():
    assert real_stats.split_name("fashion-mnist", "train") == "train"
    assert real_stats.split_name("digits", "test") == "all"


@pytest.mark.parametrize("n", [0, 1])
def test_too_few_real_images_asked_for(cache, n):
    with pytest.raises(Exception, match="at least 2"):
        real_statistics("digits", CountingExtractor(), n=n)
