"""Fixtures for the image-to-image data tests: a small fake MNIST found by name, and a writer of
tiny PNG folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image


@pytest.fixture
def mnist(data_homes: dict[str, Path], fake_mnist: Callable) -> np.ndarray:
    """`mnist` resolves to 12 random 28×28 images (both splits alike), returned as N×28×28."""
    return fake_mnist(data_homes["gankit_data"] / "mnist", 12)


@pytest.fixture
def write_pngs() -> Callable[..., Path]:
    """write_pngs(folder, {name: value or array}, size=8): one PNG per name, a flat grey `value`
    (or the array itself), so a test can tell which file an image came from."""

    def write(folder: Path, images: dict[str, int | np.ndarray], size: int = 8) -> Path:
        for name, value in images.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            array = (np.full((size, size), value, dtype=np.uint8) if isinstance(value, int)
                     else value)
            Image.fromarray(array).save(path)
        return folder

    return write
