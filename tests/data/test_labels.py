"""Labelled data: class names, labels drawn with the same draws as the samples, class shares."""

import pytest
import torch
from PIL import Image

from gankit.data import load_dataset
from gankit.data.base import InMemoryImages


def test_labelled_sampling_draws_exactly_what_sampling_draws():
    images = torch.arange(6, dtype=torch.uint8).view(6, 1, 1, 1).repeat(1, 1, 2, 2)
    data = InMemoryImages(images, torch.tensor([0, 1, 2, 0, 1, 2]))
    batch, labels = data.sample_labelled(4, torch.Generator().manual_seed(3))
    again = InMemoryImages(images, torch.tensor([0, 1, 2, 0, 1, 2]))
    assert torch.equal(batch, again.sample(4, torch.Generator().manual_seed(3)))
    pixels = ((batch[:, 0, 0, 0] + 1) * 127.5).round().long()
    assert torch.equal(labels, pixels % 3)  # each image's own label
    assert data.classes == ("0", "1", "2")
    assert data.class_frequencies().tolist() == pytest.approx([1 / 3] * 3)


def test_unlabelled_images_have_no_classes():
    data = InMemoryImages(torch.zeros(3, 1, 2, 2, dtype=torch.uint8))
    assert data.classes is None and data.class_frequencies() is None
    assert data.sample_labelled(2, torch.Generator())[1] is None


def test_ring_labels_are_the_mode_index():
    ring = load_dataset("ring")
    points, modes = ring.sample_labelled(500, torch.Generator().manual_seed(0))
    nearest = torch.cdist(points, ring.centers).argmin(dim=1)
    assert torch.equal(nearest, modes) and len(ring.classes) == 8
    assert torch.equal(points, load_dataset("ring").sample(500, torch.Generator().manual_seed(0)))


def test_fashion_mnist_names_its_classes(monkeypatch, tmp_path):
    pytest.importorskip("gzip")
    try:
        data = load_dataset("fashion-mnist", {"limit": 50})
    except Exception:  # noqa: BLE001  (the dataset may be missing on this machine)
        pytest.skip("fashion-mnist is not installed")
    assert data.classes[5] == "Sandal" and len(data.classes) == 10


def save(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", (4, 4), value).save(path)


def test_a_folder_with_one_sub_folder_per_class_is_labelled(tmp_path):
    save(tmp_path / "shoes" / "a.png", 10)
    save(tmp_path / "bags" / "b.png", 200)
    save(tmp_path / "bags" / "deep" / "c.png", 100)
    data = load_dataset(f"folder:{tmp_path}", {"image_size": 4, "channels": 1})
    assert data.classes == ("bags", "shoes")
    by_pixel = {int(img[0, 0, 0]): int(label) for img, label in zip(data.images, data.labels)}
    assert by_pixel == {200: 0, 100: 0, 10: 1}


def test_a_folder_with_loose_images_is_unlabelled(tmp_path):
    save(tmp_path / "shoes" / "a.png", 10)
    save(tmp_path / "loose.png", 20)
    data = load_dataset(f"folder:{tmp_path}", {"image_size": 4, "channels": 1})
    assert data.classes is None
