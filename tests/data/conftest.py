"""Fixtures for the data tests: tiny IDX files and isolated dataset search folders."""

from __future__ import annotations

import gzip
import struct
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

IDX_TYPE_CODES = {"u1": 0x08, "i4": 0x0C, "f4": 0x0D}


def idx_bytes(array: np.ndarray) -> bytes:
    """Encode a uint8, int32 or float32 array as IDX (big-endian)."""
    code = IDX_TYPE_CODES[array.dtype.str[1:]]
    header = bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(array.dtype.newbyteorder(">")).tobytes()


@pytest.fixture
def write_idx() -> Callable[[Path, np.ndarray], Path]:
    """write_idx(path, array): gzipped when the name ends in .gz."""

    def write(path: Path, array: np.ndarray) -> Path:
        data = idx_bytes(array)
        path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
        return path

    return write


@pytest.fixture
def data_homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point $GANKIT_DATA, $HOME and the system folder at empty folders under tmp_path."""
    homes = {key: tmp_path / key for key in ("gankit_data", "home", "system")}
    for folder in homes.values():
        folder.mkdir()
    monkeypatch.setenv("GANKIT_DATA", str(homes["gankit_data"]))
    monkeypatch.setenv("HOME", str(homes["home"]))
    monkeypatch.setattr("gankit.data.locations.SYSTEM_DATASETS", homes["system"])
    return homes


@pytest.fixture
def fake_mnist(write_idx: Callable) -> Callable[[Path, int], np.ndarray]:
    """fake_mnist(folder, count): write both splits with `count` random 28×28 images each."""

    def make(folder: Path, count: int = 12) -> np.ndarray:
        folder.mkdir(parents=True, exist_ok=True)
        images = np.random.default_rng(0).integers(0, 256, (count, 28, 28), dtype=np.uint8)
        labels = (np.arange(count) % 10).astype(np.uint8)
        for prefix in ("train", "t10k"):
            write_idx(folder / f"{prefix}-images-idx3-ubyte.gz", images)
            write_idx(folder / f"{prefix}-labels-idx1-ubyte.gz", labels)
        return images

    return make
