"""Reader for the IDX format of MNIST and Fashion-MNIST, gzipped or plain.

An IDX file starts with a magic number: two zero bytes, a type code and the number of
dimensions; then one big-endian uint32 per dimension; then the data, big-endian, row-major.
"""

from __future__ import annotations

import gzip
import math
import struct
import zlib
from pathlib import Path

import numpy as np

from gankit.core.errors import GankitError

IDX_TYPES: dict[int, np.dtype] = {
    0x08: np.dtype("u1"),
    0x09: np.dtype("i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
GZIP_MAGIC = b"\x1f\x8b"
MAX_BYTES = np.iinfo(np.intp).max


def read_idx(path: str | Path) -> np.ndarray:
    """Read an IDX file into a writable, native-byte-order numpy array."""
    path = Path(path)
    data = read_maybe_gzipped(path)
    dtype, dims, offset = parse_header(data, path)
    count = math.prod(dims)  # exact: np.prod would wrap around on a corrupt header
    found = len(data) - offset
    if found != count * dtype.itemsize:
        raise GankitError(
            f"{path} is truncated or corrupt: its header promises {count * dtype.itemsize} "
            f"data bytes, the file holds {found}"
        )
    array = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(dims)
    return array.astype(dtype.newbyteorder("="))  # a copy: writable and native-endian


def read_maybe_gzipped(path: Path) -> bytes:
    """The file's bytes, decompressed when it starts with the gzip magic number."""
    try:
        raw = path.read_bytes()
        return gzip.decompress(raw) if raw.startswith(GZIP_MAGIC) else raw
    except (OSError, EOFError, zlib.error) as error:
        raise GankitError(f"cannot read {path}: {error}") from None


def parse_header(data: bytes, path: Path) -> tuple[np.dtype, tuple[int, ...], int]:
    """(dtype, dims, offset of the first data byte) from an IDX header."""
    if len(data) < 4 or data[0] != 0 or data[1] != 0:
        raise GankitError(f"{path} is not an IDX file (bad magic number {data[:4].hex()!r})")
    type_code, ndim = data[2], data[3]
    if type_code not in IDX_TYPES:
        raise GankitError(f"{path} is not an IDX file (unknown type code 0x{type_code:02x})")
    offset = 4 + 4 * ndim
    if ndim == 0 or len(data) < offset:
        raise GankitError(f"{path} is truncated or corrupt: incomplete IDX header")
    dims = struct.unpack(f">{ndim}I", data[4:offset])
    # numpy cannot even describe an empty array whose other dimensions overflow its byte count
    if math.prod(d for d in dims if d) * IDX_TYPES[type_code].itemsize > MAX_BYTES:
        raise GankitError(f"{path} is corrupt: its header's dimensions {dims} are too large")
    return IDX_TYPES[type_code], dims, offset
