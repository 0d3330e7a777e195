from pathlib import Path

import numpy as np
import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset

REAL_FASHION = Path("/usr/share/datasets/fashion-mnist")


def test_missing_fashion_mnist_lists_every_folder_and_the_package(data_homes):
    with pytest.raises(GankitError) as caught:
        load_dataset("fashion-mnist", {})
    message = str(caught.value)
    assert "\n" not in message
    for folder in (
        data_homes["gankit_data"] / "fashion-mnist",
        data_homes["home"] / ".cache" / "gankit" / "fashion-mnist",
        data_homes["system"] / "fashion-mnist",
    ):
        assert str(folder) in message
    assert "apt-get install dataset-fashion-mnist" in message


def test_missing_mnist_names_the_files(data_homes, monkeypatch):
    monkeypatch.delenv("GANKIT_DATA")
    with pytest.raises(GankitError, match="train-images-idx3-ubyte.gz") as caught:
        load_dataset("mnist", {})
    assert str(data_homes["home"] / ".cache" / "gankit" / "mnist") in str(caught.value)


def test_loads_from_gankit_data_first(data_homes, fake_mnist):
    images = fake_mnist(data_homes["gankit_data"] / "mnist", count=12)
    fake_mnist(data_homes["home"] / ".cache" / "gankit" / "mnist", count=3)
    source = load_dataset("mnist", {"split": "test"})
    assert source.images.shape == (12, 1, 28, 28)
    assert torch.equal(source.images[:, 0], torch.from_numpy(images))
    assert source.labels.dtype == torch.int64
    assert source.labels.tolist() == [i % 10 for i in range(12)]


def test_falls_back_to_cache_and_unzipped_dotted_names(data_homes, write_idx):
    folder = data_homes["home"] / ".cache" / "gankit" / "fashion-mnist"
    folder.mkdir(parents=True)
    write_idx(folder / "train-images.idx3-ubyte", np.zeros((4, 28, 28), dtype=np.uint8))
    write_idx(folder / "train-labels.idx1-ubyte", np.arange(4, dtype=np.uint8))
    assert len(load_dataset("fashion-mnist", {})) == 4


def test_limit_and_resize(data_homes, fake_mnist):
    fake_mnist(data_homes["system"] / "mnist", count=12)
    source = load_dataset("mnist", {"limit": 5, "image_size": 32})
    assert source.images.shape == (5, 1, 32, 32)
    assert source.images.dtype == torch.uint8
    assert len(source.labels) == 5


def test_label_count_mismatch(data_homes, write_idx):
    folder = data_homes["system"] / "mnist"
    folder.mkdir()
    write_idx(folder / "train-images-idx3-ubyte.gz", np.zeros((4, 28, 28), dtype=np.uint8))
    write_idx(folder / "train-labels-idx1-ubyte.gz", np.zeros(3, dtype=np.uint8))
    with pytest.raises(GankitError, match="one label per image"):
        load_dataset("mnist", {})


def test_rejects_an_argument():
    with pytest.raises(GankitError, match="takes no argument"):
        load_dataset("mnist:/somewhere", {})


@pytest.mark.skipif(not REAL_FASHION.is_dir(), reason="Fashion-MNIST is not installed")
def test_real_fashion_mnist(monkeypatch):
    monkeypatch.delenv("GANKIT_DATA", raising=False)
    monkeypatch.setenv("HOME", "/nonexistent-home-for-test")
    train = load_dataset("fashion-mnist", {})
    test = load_dataset("fashion-mnist", {"split": "test"})
    assert train.images.shape == (60000, 1, 28, 28)
    assert test.images.shape == (10000, 1, 28, 28)
    for source in (train, test):
        assert source.labels.min() == 0 and source.labels.max() == 9
        assert source.images.max() == 255
