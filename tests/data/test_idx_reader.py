import gzip
import struct

import numpy as np
import pytest

from gankit.core.errors import GankitError
from gankit.data.idx import read_idx


@pytest.mark.parametrize("name", ["plain-idx3-ubyte", "zipped-idx3-ubyte.gz"])
def test_round_trip_uint8(tmp_path, write_idx, name):
    array = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    read = read_idx(write_idx(tmp_path / name, array))
    assert read.dtype == np.uint8 and read.shape == (2, 3, 4)
    np.testing.assert_array_equal(read, array)


@pytest.mark.parametrize("dtype", [np.int32, np.float32])
def test_multibyte_types_come_back_native_endian(tmp_path, write_idx, dtype):
    array = np.array([[1, -2, 300], [70000, 5, -6]], dtype=dtype)
    read = read_idx(write_idx(tmp_path / "values-idx2", array))
    assert read.dtype.isnative and read.flags.writeable
    np.testing.assert_array_equal(read, array)


def test_gzip_detected_by_content_not_name(tmp_path, write_idx):
    labels = np.array([3, 1, 4], dtype=np.uint8)
    path = tmp_path / "labels-idx1-ubyte"
    path.write_bytes(gzip.compress((write_idx(tmp_path / "x", labels)).read_bytes()))
    np.testing.assert_array_equal(read_idx(path), labels)


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_file_names_the_file(tmp_path, write_idx, gz):
    path = write_idx(tmp_path / "short-idx3-ubyte", np.zeros((5, 4, 4), dtype=np.uint8))
    data = path.read_bytes()[:-7]
    if gz:
        path = tmp_path / "short-idx3-ubyte.gz"
        data = gzip.compress(data)
    path.write_bytes(data)
    with pytest.raises(GankitError, match="short-idx3-ubyte.*truncated"):
        read_idx(path)


def test_cut_gzip_stream_is_a_gankit_error(tmp_path, write_idx):
    path = write_idx(tmp_path / "cut-idx3-ubyte.gz", np.ones((50, 9, 9), dtype=np.uint8))
    path.write_bytes(path.read_bytes()[:20])
    with pytest.raises(GankitError, match="cut-idx3-ubyte.gz"):
        read_idx(path)


def test_wrong_magic_number(tmp_path):
    path = tmp_path / "bad-idx1-ubyte"
    path.write_bytes(b"\x12\x34\x08\x01" + b"\x00" * 8)
    with pytest.raises(GankitError, match="bad-idx1-ubyte.*not an IDX file"):
        read_idx(path)


def test_unknown_type_code(tmp_path):
    path = tmp_path / "odd-idx1-ubyte"
    path.write_bytes(b"\x00\x00\x07\x01\x00\x00\x00\x01\x05")
    with pytest.raises(GankitError, match="type code 0x07"):
        read_idx(path)


def test_extra_bytes_are_corrupt(tmp_path, write_idx):
    path = write_idx(tmp_path / "long-idx1-ubyte", np.zeros(4, dtype=np.uint8))
    path.write_bytes(path.read_bytes() + b"\x00")
    with pytest.raises(GankitError, match="truncated or corrupt"):
        read_idx(path)


def test_missing_file(tmp_path):
    with pytest.raises(GankitError, match="cannot read"):
        read_idx(tmp_path / "absent-idx1-ubyte")


@pytest.mark.parametrize("dims, data", [
    ((0, 2**32 - 1, 2**32 - 1), b""),  # empty, but numpy cannot describe the shape
    ((2**16, 2**16, 2**16, 2**16), b""),  # its count wraps around to 0 in int64
])
def test_header_with_overflowing_dimensions(tmp_path, dims, data):
    """Found by fuzzing: these headers raised ValueError from numpy instead of a GankitError."""
    path = tmp_path / "huge-idx"
    path.write_bytes(bytes([0, 0, 0x08, len(dims)]) + struct.pack(f">{len(dims)}I", *dims) + data)
    with pytest.raises(GankitError, match="corrupt"):
        read_idx(path)
