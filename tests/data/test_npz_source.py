import io
import zipfile

import numpy as np
import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset


def save(tmp_path, name="data.npz", **arrays):
    path = tmp_path / name
    np.savez(path, **arrays)
    return f"npz:{path}"


def pattern(n=4, h=6, w=6):
    return np.arange(n * h * w, dtype=np.int64).reshape(n, h, w) % 256


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (lambda a: a, (4, 1, 6, 6)),
        (lambda a: a[..., None], (4, 1, 6, 6)),
        (lambda a: np.stack([a] * 3, axis=-1), (4, 3, 6, 6)),
        (lambda a: np.stack([a] * 3, axis=1), (4, 3, 6, 6)),
    ],
)
def test_layouts(tmp_path, layout, expected):
    source = load_dataset(save(tmp_path, images=layout(pattern()).astype(np.uint8)), {})
    assert source.images.shape == expected
    assert torch.equal(source.images[:, 0], torch.from_numpy(pattern().astype(np.uint8)))


def test_channels_last_and_first_agree(tmp_path):
    rgb = np.random.default_rng(0).integers(0, 256, (2, 5, 7, 3), dtype=np.uint8)
    last = load_dataset(save(tmp_path, "last.npz", images=rgb), {}).images
    first = load_dataset(save(tmp_path, "first.npz", images=rgb.transpose(0, 3, 1, 2)), {}).images
    assert torch.equal(last, first) and last.shape == (2, 3, 5, 7)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0.0, 0.5, 1.0], [0, 128, 255]),
        ([-1.0, 0.0, 1.0], [0, 128, 255]),
    ],
)
def test_float_ranges(tmp_path, values, expected):
    images = np.array(values, dtype=np.float32).reshape(1, 1, 3)
    source = load_dataset(save(tmp_path, images=images), {})
    assert source.images.flatten().tolist() == expected


def test_float_out_of_range(tmp_path):
    images = np.full((2, 4, 4), 3.0, dtype=np.float32)
    with pytest.raises(GankitError, match=r"\[0, 1\] or \[-1, 1\]"):
        load_dataset(save(tmp_path, images=images), {})


def test_labels_limit_and_resize(tmp_path):
    images = np.zeros((5, 10, 8), dtype=np.uint8)
    labels = np.array([4, 3, 2, 1, 0], dtype=np.int32)
    source = load_dataset(
        save(tmp_path, images=images, labels=labels), {"limit": 3, "image_size": 4}
    )
    assert source.images.shape == (3, 1, 4, 4)
    assert source.labels.dtype == torch.int64 and source.labels.tolist() == [4, 3, 2]


def test_wrong_label_count(tmp_path):
    path = save(tmp_path, images=pattern().astype(np.uint8), labels=np.arange(3))
    with pytest.raises(GankitError, match="'labels' must be 4 integers"):
        load_dataset(path, {})


def test_missing_file(tmp_path):
    with pytest.raises(GankitError, match="does not exist"):
        load_dataset(f"npz:{tmp_path / 'absent.npz'}", {})


def test_missing_images_key(tmp_path):
    with pytest.raises(GankitError, match="no 'images' array.*pictures"):
        load_dataset(save(tmp_path, pictures=np.zeros((2, 3, 3))), {})


@pytest.mark.parametrize("shape", [(10,), (2, 4, 4, 5), (2, 2, 3, 4, 4)])
def test_wrong_shape(tmp_path, shape):
    with pytest.raises(GankitError, match="expected N×H×W"):
        load_dataset(save(tmp_path, images=np.zeros(shape, dtype=np.uint8)), {})


def test_not_an_npz(tmp_path):
    path = tmp_path / "text.npz"
    path.write_text("hello")
    with pytest.raises(GankitError, match="cannot read .* as an .npz"):
        load_dataset(f"npz:{path}", {})


def test_plain_npy_is_refused(tmp_path):
    path = tmp_path / "one.npy"
    np.save(path, np.zeros((2, 3, 3), dtype=np.uint8))
    with pytest.raises(GankitError, match="not an .npz archive"):
        load_dataset(f"npz:{path}", {})


def test_pickled_objects_are_refused(tmp_path):
    images = np.array([np.zeros((2, 2)), "x"], dtype=object)
    with pytest.raises(GankitError, match="cannot read array 'images'"):
        load_dataset(save(tmp_path, images=images), {})


def test_empty_images(tmp_path):
    with pytest.raises(GankitError, match="empty"):
        load_dataset(save(tmp_path, images=np.zeros((0, 4, 4), dtype=np.uint8)), {})


def test_needs_a_path():
    with pytest.raises(GankitError, match="npz:PATH"):
        load_dataset("npz", {})


@pytest.mark.parametrize("images", [
    np.array([[["ab", "c"]]]),
    np.array([[[b"x"]]]),
    np.zeros((2, 3, 3), dtype=bool),
    np.zeros((2, 3, 3), dtype=np.complex64),
    np.zeros((2, 3, 3), dtype="datetime64[s]"),
    np.zeros((2, 3, 3), dtype="timedelta64[s]"),
])
def test_images_of_a_non_numeric_dtype(tmp_path, images):
    """Found by fuzzing: strings and dates raised numpy's UFuncTypeError on min()."""
    with pytest.raises(GankitError, match=r"'images' has dtype .*; expected uint8, integers"):
        load_dataset(save(tmp_path, images=images), {})


def with_compression_method(path, method: int, version: int = 20):
    """Rewrite the method and the version needed to extract in every zip header."""
    data = bytearray(path.read_bytes())
    for signature, method_at, version_at in ((b"PK\x03\x04", 8, 4), (b"PK\x01\x02", 10, 6)):
        start = data.find(signature)
        while start != -1:
            data[start + method_at : start + method_at + 2] = method.to_bytes(2, "little")
            data[start + version_at : start + version_at + 2] = version.to_bytes(2, "little")
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("method, version", [(99, 20), (0, 210), (14, 63)])
def test_zip_features_python_lacks(tmp_path, method, version):
    """Found by fuzzing: zipfile's NotImplementedError (an unknown compression method, a newer
    zip version) escaped."""
    source = save(tmp_path, images=pattern().astype(np.uint8))
    with_compression_method(tmp_path / "data.npz", method, version)
    with pytest.raises(GankitError, match="cannot read"):
        load_dataset(source, {})


def lzma_archive(path):
    buffer = io.BytesIO()
    np.save(buffer, pattern().astype(np.uint8))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_LZMA) as archive:
        archive.writestr("images.npy", buffer.getvalue())
    return f"npz:{path}"


def test_corrupt_lzma_member(tmp_path):
    """Found by fuzzing: lzma.LZMAError escaped from a damaged LZMA-compressed archive."""
    source = lzma_archive(tmp_path / "data.npz")
    assert load_dataset(source, {}).images.shape == (4, 1, 6, 6)
    data = bytearray((tmp_path / "data.npz").read_bytes())
    start = data.find(b"PK\x03\x04") + 30 + len("images.npy") + 9  # inside the LZMA stream
    data[start : start + 8] = b"\xff" * 8
    (tmp_path / "data.npz").write_bytes(bytes(data))
    with pytest.raises(GankitError, match="cannot read array 'images'"):
        load_dataset(source, {})


def test_encrypted_member(tmp_path):
    """Found by fuzzing: zipfile's RuntimeError (password required) escaped."""
    source = save(tmp_path, images=pattern().astype(np.uint8))
    data = bytearray((tmp_path / "data.npz").read_bytes())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        data[start + flags_at] |= 1
    (tmp_path / "data.npz").write_bytes(bytes(data))
    with pytest.raises(GankitError, match="encrypted"):
        load_dataset(source, {})


@pytest.mark.parametrize("shape", [(2, 0, 5), (2, 5, 0), (3, 0, 0, 3), (2, 1, 0, 4)])
@pytest.mark.parametrize("options", [{}, {"image_size": 4}])
def test_images_without_pixels(tmp_path, shape, options):
    """Found by fuzzing: 0-pixel-high images reached the resize (RuntimeError) or the nets."""
    with pytest.raises(GankitError, match=r"'images' is empty \(shape"):
        load_dataset(save(tmp_path, images=np.zeros(shape, dtype=np.uint8)), options)
