"""The degradations: shapes and ranges at 28×28 and 32×32, and equality with the libraries they
name (scikit-image's Canny, torch's antialiased resize)."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from skimage.color import rgb2gray
from skimage.feature import canny

from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.data.paired.degradations import EDGE_SIGMA_PER_PIXEL, downsample, edges

SOURCE_SHAPES = {  # (channels, side divisor) of the source of a 1-channel image
    "edges": (1, 1), "downsample:2": (1, 2), "downsample:4": (1, 4),
    "mask:center": (2, 1), "mask:boxes": (2, 1), "mask:strokes": (2, 1),
}


@pytest.mark.parametrize("side", [28, 32])
@pytest.mark.parametrize("name", list(SOURCE_SHAPES))
def test_shapes_and_ranges(mnist, name, side):
    source = load_dataset("mnist", {"pairs": name, "image_size": side})
    targets, sources = source.sample_labelled(12, torch.Generator().manual_seed(0))
    channels, divisor = SOURCE_SHAPES[name]
    assert targets.shape == (12, 1, side, side) and source.shape == (1, side, side)
    assert sources.shape == (12, channels, side // divisor, side // divisor)
    assert source.condition_shape == tuple(sources.shape[1:])
    for batch in (targets, sources):
        assert batch.dtype == torch.float32 and batch.min() >= -1 and batch.max() <= 1
    if name == "edges" or name.startswith("mask:"):
        assert set(sources[:, -1].unique().tolist()) <= {-1.0, 1.0}


def known_image(side=28):
    """A bright square and a grey disc on black: edges a person can predict."""
    rows, cols = np.mgrid[0:side, 0:side]
    image = np.zeros((side, side), dtype=np.uint8)
    image[4:12, 4:14] = 230
    image[(rows - 19) ** 2 + (cols - 18) ** 2 <= 25] = 120
    return image


@pytest.mark.parametrize("side", [28, 32])
def test_edges_are_scikit_images_canny(side):
    image = known_image(side)
    found = edges(torch.from_numpy(image)[None, None])
    expected = canny(image / 255.0, sigma=EDGE_SIGMA_PER_PIXEL * side)
    assert found.shape == (1, 1, side, side) and found.dtype == torch.uint8
    assert np.array_equal(found[0, 0].numpy(), expected.astype(np.uint8) * 255)
    assert expected.sum() > 20  # the shapes have outlines to find


def test_edges_of_colour_images_use_the_luminance_and_take_a_sigma():
    rgb = np.stack([known_image(), known_image()[::-1], np.zeros((28, 28), np.uint8)], axis=-1)
    found = edges(torch.from_numpy(rgb).permute(2, 0, 1)[None], sigma=2.0)
    assert np.array_equal(found[0, 0].numpy() > 0, canny(rgb2gray(rgb / 255.0), sigma=2.0))


def test_edge_sigma_option_reaches_canny(mnist):
    loaded = load_dataset("mnist", {"pairs": "edges", "edge_sigma": 2.5})
    expected = np.stack([canny(image / 255.0, sigma=2.5) for image in mnist])
    assert np.array_equal(loaded.sources[:, 0].numpy() > 0, expected)


@pytest.mark.parametrize("factor", [2, 4])
def test_downsample_is_the_antialiased_resize(factor):
    images = torch.from_numpy(np.random.default_rng(1).integers(0, 256, (3, 3, 32, 32),
                                                                 dtype=np.uint8))
    expected = F.interpolate(images.float(), scale_factor=1 / factor, mode="bilinear",
                             antialias=True, align_corners=False)
    assert torch.equal(downsample(images, factor), expected.round().clamp(0, 255).byte())


def test_downsample_needs_a_divisible_side():
    with pytest.raises(GankitError, match="downsample:4 needs image sides divisible by 4, got "
                                          "30×30"):
        downsample(torch.zeros((1, 1, 30, 30), dtype=torch.uint8), 4)


def test_masked_sources_are_the_image_with_a_mid_grey_hole(mnist):
    loaded = load_dataset("mnist", {"pairs": "mask:strokes"})
    targets, sources = loaded.sample_labelled(12, torch.Generator().manual_seed(0))
    holes = sources[:, 1:] > 0
    assert holes.any() and not holes.all()
    assert (sources[:, :1][holes] == 0).all()  # exactly mid-grey, not 128/127.5 - 1
    assert torch.equal(sources[:, :1][~holes], targets[~holes])
