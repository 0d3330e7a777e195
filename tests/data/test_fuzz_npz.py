"""Property: any .npz archive (arrays of any dtype and shape, damaged or foreign zips) and any
options give uint8 N×C×H×W images or a one-line GankitError."""

import io
import tempfile
import zipfile
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from gankit.core.errors import GankitError
from gankit.data import load_dataset

DTYPES = ["u1", "i1", "u2", "i4", "i8", "u8", "f2", "f4", "f8", "?", "c8", "U2", "S2", "M8[s]"]
ARRAYS = st.sampled_from(DTYPES).flatmap(lambda dtype: hnp.arrays(
    np.dtype(dtype), hnp.array_shapes(min_dims=0, max_dims=5, min_side=0, max_side=4)))
OPTIONS = st.fixed_dictionaries({}, optional={
    "image_size": st.integers(-1, 6) | st.none(), "limit": st.integers(-1, 5) | st.none()})
METHODS = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]


def load(data: bytes, options: dict):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.npz"
        path.write_bytes(data)
        try:
            return load_dataset(f"npz:{path}", options)
        except GankitError as error:
            assert "\n" not in str(error)
            return None


def archive(arrays: dict[str, np.ndarray], method: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as zipped:
        for key, array in arrays.items():
            member = io.BytesIO()
            np.save(member, array)
            zipped.writestr(f"{key}.npy", member.getvalue())
    return buffer.getvalue()


@settings(max_examples=120)
@given(st.dictionaries(st.sampled_from(["images", "labels", "other"]), ARRAYS, max_size=3),
       OPTIONS, st.sampled_from(METHODS))
def test_any_arrays(arrays, options, method):
    source = load(archive(arrays, method), options)
    if source is not None:
        assert source.images.dtype.is_floating_point is False and source.images.dim() == 4
        assert source.images.shape[1] in (1, 3)
        if options.get("image_size"):
            assert source.images.shape[2:] == (options["image_size"],) * 2


GOOD = {method: archive({"images": np.arange(48, dtype=np.uint8).reshape(3, 4, 4),
                         "labels": np.arange(3)}, method) for method in METHODS}


@settings(max_examples=200)
@given(st.sampled_from(METHODS), st.integers(0, 10**6), st.integers(1, 255), st.booleans())
def test_damaged_archives(method, where, flip, cut):
    data = bytearray(GOOD[method])
    where %= len(data)
    if cut:
        del data[where:]
    else:
        data[where] ^= flip
    load(bytes(data), {})


@settings(max_examples=100)
@given(st.binary(max_size=300))
def test_any_bytes(raw):
    load(raw, {})
