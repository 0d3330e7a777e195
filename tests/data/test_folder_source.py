import numpy as np
import pytest
import torch
from PIL import Image

from gankit.core.errors import GankitError
from gankit.data import load_dataset


@pytest.fixture
def picture_folder(tmp_path):
    """Three readable pictures (one nested, one grayscale) and one corrupt file."""
    root = tmp_path / "pictures"
    (root / "nested").mkdir(parents=True)
    wide = np.zeros((20, 40, 3), dtype=np.uint8)
    wide[:, 10:30] = (255, 0, 0)  # the centre square is pure red; the sides black
    Image.fromarray(wide).save(root / "a_wide.png")
    Image.fromarray(np.full((16, 16), 200, dtype=np.uint8)).save(root / "nested" / "b_gray.PNG")
    Image.fromarray(np.full((30, 30, 3), 90, dtype=np.uint8)).save(root / "c_plain.jpg")
    (root / "d_broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a png")
    (root / "notes.txt").write_text("not an image")
    return root


def test_reads_recursively_and_skips_the_corrupt_file(picture_folder):
    with pytest.warns(UserWarning, match="skipped 1 unreadable"):
        source = load_dataset(f"folder:{picture_folder}", {"image_size": 8})
    assert source.images.shape == (3, 3, 8, 8)
    assert source.images.dtype == torch.uint8
    assert source.labels is None


def test_centre_crop_keeps_the_middle(picture_folder):
    with pytest.warns(UserWarning):
        source = load_dataset(f"folder:{picture_folder}", {"image_size": 8})
    red = source.images[0]  # a_wide.png sorts first
    assert (red[0] == 255).all() and (red[1:] == 0).all()


def test_grayscale_channels(picture_folder):
    with pytest.warns(UserWarning):
        source = load_dataset(f"folder:{picture_folder}", {"image_size": 4, "channels": 1})
    assert source.images.shape == (3, 1, 4, 4)
    assert (source.images[2] == 200).all()  # nested/b_gray.PNG sorts last; flat gray stays flat


def test_limit_stops_reading_early(picture_folder):
    source = load_dataset(f"folder:{picture_folder}", {"image_size": 4, "limit": 2})
    assert source.images.shape == (2, 3, 4, 4)  # the corrupt third file was never opened


def test_missing_folder(tmp_path):
    with pytest.raises(GankitError, match="does not exist"):
        load_dataset(f"folder:{tmp_path / 'nowhere'}", {})


def test_folder_without_images(tmp_path):
    (tmp_path / "readme.txt").write_text("hi")
    with pytest.raises(GankitError, match="holds no image files"):
        load_dataset(f"folder:{tmp_path}", {})


def test_folder_with_only_unreadable_images(tmp_path):
    (tmp_path / "x.jpg").write_bytes(b"garbage")
    with pytest.warns(UserWarning), pytest.raises(GankitError, match="no image Pillow can read"):
        load_dataset(f"folder:{tmp_path}", {})


def test_folder_needs_a_path_and_valid_channels(tmp_path):
    with pytest.raises(GankitError, match="folder:PATH"):
        load_dataset("folder", {})
    with pytest.raises(GankitError, match="channels"):
        load_dataset(f"folder:{tmp_path}", {"channels": 4})
