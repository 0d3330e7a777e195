import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset


def test_digits_shape_range_and_labels():
    source = load_dataset("digits", {})
    assert source.images.shape == (1797, 1, 8, 8)
    assert source.images.dtype == torch.uint8
    assert source.images.min() == 0 and source.images.max() == 255
    assert source.labels.dtype == torch.int64
    assert sorted(source.labels.unique().tolist()) == list(range(10))


def test_digits_resize_and_limit():
    source = load_dataset("digits", {"image_size": 28, "limit": 50})
    assert source.images.shape == (50, 1, 28, 28)
    assert len(source.labels) == 50


def test_digits_sample_in_unit_range():
    source = load_dataset("digits", {"limit": 10})
    batch = source.sample(16, torch.Generator().manual_seed(0))
    assert batch.shape == (16, 1, 8, 8) and batch.dtype == torch.float32
    assert batch.min() >= -1 and batch.max() <= 1


@pytest.mark.parametrize("options", [{"image_size": 0}, {"limit": -3}, {"size": 8}])
def test_digits_bad_options(options):
    with pytest.raises(GankitError, match="data_options"):
        load_dataset("digits", options)
