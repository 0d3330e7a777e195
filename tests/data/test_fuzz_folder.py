"""Property: any image folder (images of any mode and size, broken or foreign files) and any
options give uint8 images of the asked size or a one-line GankitError."""

import io
import tempfile
import warnings
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from gankit.core.errors import GankitError, GankitWarning
from gankit.data import load_dataset

FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".bmp": "BMP", ".gif": "GIF",
           ".webp": "WEBP", ".PNG": "PNG", ".txt": "PNG", "": "PNG"}
MODES = ["1", "L", "P", "RGB", "RGBA", "I", "I;16", "F", "CMYK", "LA", "YCbCr", "PA"]
OPTIONS = st.fixed_dictionaries({}, optional={
    "image_size": st.integers(-1, 9), "channels": st.sampled_from([1, 3, "3", 2, True]),
    "limit": st.integers(-1, 4) | st.none()})


def encode(mode: str, width: int, height: int, seed: int, suffix: str) -> bytes:
    pixels = np.random.default_rng(seed).integers(0, 256, (height, width, 3), dtype=np.uint8)
    image = Image.fromarray(pixels, "RGB").convert(mode)
    buffer = io.BytesIO()
    image.save(buffer, format=FORMATS[suffix])
    return buffer.getvalue()


@st.composite
def image_file(draw) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(sorted(FORMATS)))
    if draw(st.booleans()):
        return suffix, draw(st.binary(max_size=100))
    args = (draw(st.sampled_from(MODES)), draw(st.integers(1, 9)), draw(st.integers(1, 9)),
            draw(st.integers(0, 99)), suffix)
    try:
        data = encode(*args)
    except (OSError, ValueError, KeyError):  # a mode this format cannot store
        return suffix, b""
    return suffix, data[: draw(st.integers(0, len(data)))]  # maybe truncated


def load(root: Path, options: dict):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GankitWarning)
        return load_dataset(f"folder:{root}", options)


@settings(max_examples=80)
@given(st.lists(image_file(), max_size=4), OPTIONS, st.booleans())
def test_any_image_folder(files, options, nested):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "images"
        root.mkdir()
        for i, (suffix, data) in enumerate(files):
            place = root / f"sub{i % 2}" if nested else root
            place.mkdir(exist_ok=True)
            (place / f"f{i}{suffix}").write_bytes(data)
        (root / "folder.png").mkdir()
        try:
            source = load(root, options)
        except GankitError as error:
            assert "\n" not in str(error)
            return
        size, channels = options.get("image_size", 64), int(options.get("channels", 3))
        assert source.images.shape[1:] == (channels, size, size)
        assert 1 <= len(source) <= (options.get("limit") or len(files))
