import math

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset

SPECS = {
    "ring": (
        8,
        0.01,
        [(math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)) for k in range(8)],
    ),
    "grid": (25, 0.05, [(x, y) for x in (-4, -2, 0, 2, 4) for y in (-4, -2, 0, 2, 4)]),
}


@pytest.mark.parametrize("name", ["ring", "grid"])
def test_geometry_matches_the_papers(name):
    count, sigma, centers = SPECS[name]
    source = load_dataset(name, {})
    assert source.kind == "points" and source.shape == (2,)
    assert source.sigma == sigma
    assert source.centers.shape == (count, 2) and source.centers.dtype == torch.float32
    distances = torch.cdist(torch.tensor(centers, dtype=torch.float32), source.centers)
    assert distances.min(dim=1).values.max() < 1e-6  # every specified centre is present


@pytest.mark.parametrize("name", ["ring", "grid"])
def test_samples_per_mode(name):
    count, sigma, _ = SPECS[name]
    source = load_dataset(name, {})
    points = source.sample(40_000, torch.Generator().manual_seed(1))
    assert points.shape == (40_000, 2) and points.dtype == torch.float32
    nearest = torch.cdist(points, source.centers).argmin(dim=1)
    shares = torch.bincount(nearest, minlength=count).float() / len(points)
    assert (shares - 1 / count).abs().max() < 0.25 / count  # equal weights, every mode present
    for k in range(count):
        offsets = points[nearest == k] - source.centers[k]
        assert offsets.mean(dim=0).abs().max() < 0.1 * sigma
        assert offsets.std(dim=0) == pytest.approx([sigma, sigma], rel=0.1)


def test_sampling_is_deterministic_given_the_generator():
    source = load_dataset("grid", {})
    first = source.sample(100, torch.Generator().manual_seed(7))
    second = source.sample(100, torch.Generator().manual_seed(7))
    other = source.sample(100, torch.Generator().manual_seed(8))
    assert torch.equal(first, second) and not torch.equal(first, other)


def test_sampling_leaves_the_global_rng_alone():
    torch.manual_seed(0)
    expected = torch.rand(3)
    torch.manual_seed(0)
    load_dataset("ring", {}).sample(10, torch.Generator().manual_seed(0))
    assert torch.equal(torch.rand(3), expected)


def test_sigma_override():
    source = load_dataset("ring", {"sigma": 0.2})
    assert source.sigma == 0.2
    points = source.sample(20_000, torch.Generator().manual_seed(0))
    offsets = points - source.centers[torch.cdist(points, source.centers).argmin(dim=1)]
    assert offsets.std().item() == pytest.approx(0.2, rel=0.15)  # modes overlap a little


@pytest.mark.parametrize(
    ("name", "options"), [("ring:x", {}), ("grid", {"sigma": 0}), ("ring", {"std": 1})]
)
def test_bad_arguments(name, options):
    with pytest.raises(GankitError):
        load_dataset(name, options)
