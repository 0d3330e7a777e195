"""Property: any bytes, gzipped or not, read as IDX give an array or a one-line GankitError."""

import gzip
import struct
import tempfile
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from gankit.core.errors import GankitError
from gankit.data.idx import read_idx

TYPE_CODES = [0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x00, 0x07, 0xFF]
DIM = st.sampled_from([0, 1, 2, 3, 2**16, 2**31, 2**32 - 1]) | st.integers(0, 2**32 - 1)


def read(raw: bytes, zipped: bool) -> np.ndarray | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data-idx"
        path.write_bytes(gzip.compress(raw) if zipped else raw)
        try:
            return read_idx(path)
        except GankitError as error:
            assert "\n" not in str(error)
            return None


@settings(max_examples=200)
@given(st.binary(max_size=200), st.booleans())
def test_any_bytes(raw, zipped):
    read(raw, zipped)


@settings(max_examples=200)
@given(st.sampled_from(TYPE_CODES), st.lists(DIM, max_size=5),
       st.just(b"") | st.binary(max_size=64), st.booleans())
def test_any_header(code, dims, data, zipped):
    header = bytes([0, 0, code, len(dims)]) + struct.pack(f">{len(dims)}I", *dims)
    array = read(header + data, zipped)
    if array is not None:
        assert array.shape == tuple(dims) and array.dtype.isnative and array.flags.writeable


@settings(max_examples=100)
@given(st.integers(0, 200), st.binary(max_size=8))
def test_cut_or_extended_gzip(cut, tail):
    whole = gzip.compress(bytes([0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data-idx.gz"
        path.write_bytes(whole[: cut % (len(whole) + 1)] + tail)
        try:
            read_idx(path)
        except GankitError as error:
            assert "\n" not in str(error)
