import numpy as np
import pytest

from gankit.core.errors import GankitError
from gankit.metrics.sample_files import read_samples


def save(path, **arrays):
    np.savez(path, **arrays)
    return path


def test_points_and_images(tmp_path):
    points = read_samples(save(tmp_path / "p.npz", points=np.ones((3, 2), np.float32)))
    assert points.shape == (3, 2) and points.dtype == np.float64
    images = read_samples(save(tmp_path / "i.npz", images=np.zeros((4, 8, 8), np.uint8)))
    assert images.shape == (4, 8, 8) and images.dtype == np.uint8


@pytest.mark.parametrize("arrays, message", [
    ({"x": np.ones(3)}, "none of 'images', 'points' or 'tokens' (keys: x)"),
    ({"points": np.ones((3, 2)), "images": np.zeros((3, 8, 8), np.uint8)}, "both"),
    ({"points": np.ones((3, 3))}, "numeric N×2"),
    ({"images": np.zeros((3, 8, 8), np.float32)}, "must be uint8"),
    ({"images": np.zeros((3, 8), np.uint8)}, "must be uint8 N×H×W×C or N×H×W"),
])
def test_bad_archives(tmp_path, arrays, message):
    with pytest.raises(GankitError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_samples(save(tmp_path / "bad.npz", **arrays))


def test_unreadable_files(tmp_path):
    with pytest.raises(GankitError, match="no such file"):
        read_samples(tmp_path / "missing.npz")
    (tmp_path / "junk.npz").write_bytes(b"not an archive")
    with pytest.raises(GankitError, match="cannot read"):
        read_samples(tmp_path / "junk.npz")
    np.save(tmp_path / "single.npy", np.ones((3, 2)))
    with pytest.raises(GankitError, match="single .npy array"):
        read_samples(tmp_path / "single.npy")
