"""Holes: the centre hole's place, and random holes fixed by (seed, item index)."""

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.data.paired.masks import box_holes, center_holes, stroke_holes

RANDOM = {"boxes": box_holes, "strokes": stroke_holes}


@pytest.mark.parametrize("side, hole, start", [(28, None, 7), (32, None, 8), (28, 10, 9)])
def test_center_hole_is_centred(side, hole, start):
    holes = center_holes(2, side, side, hole)
    width = side // 2 if hole is None else hole
    expected = torch.zeros((side, side), dtype=torch.bool)
    expected[start : start + width, start : start + width] = True
    assert holes.shape == (2, 1, side, side) and torch.equal(holes[1, 0], expected)


@pytest.mark.parametrize("pairs", ["mask:center", "mask:boxes"])
def test_a_hole_larger_than_the_image_is_refused(mnist, pairs):
    with pytest.raises(GankitError, match=r"hole=40 must be smaller than the images \(28×28\)"):
        load_dataset("mnist", {"pairs": pairs, "hole": 40})


@pytest.mark.parametrize("kind", list(RANDOM))
@pytest.mark.parametrize("side", [28, 32])
def test_random_holes_are_fixed_by_seed_and_index(kind, side):
    draw = RANDOM[kind]
    holes = draw(40, side, side, 0)
    assert holes.shape == (40, 1, side, side) and holes.dtype == torch.bool
    assert torch.equal(holes, draw(40, side, side, 0))  # the same twice
    assert torch.equal(holes[:5], draw(5, side, side, 0))  # item i's hole ignores the count
    assert not torch.equal(holes, draw(40, side, side, 1))  # another seed, other holes
    assert len({bytes(h.numpy()) for h in holes}) == 40  # every item its own hole
    covered = holes.float().mean(dim=(1, 2, 3))
    assert (covered > 0).all() and (covered < 0.7).all()


def test_boxes_stay_within_their_largest_side():
    covered = box_holes(30, 28, 28, 0, largest=5).sum(dim=(1, 2, 3))
    assert (covered > 0).all() and (covered <= 3 * 5 * 5).all()  # at most three 5×5 boxes


def test_masks_are_the_same_across_two_loads(mnist):
    first = load_dataset("mnist", {"pairs": "mask:boxes", "mask_seed": 3})
    again = load_dataset("mnist", {"pairs": "mask:boxes", "mask_seed": 3})
    other = load_dataset("mnist", {"pairs": "mask:boxes", "mask_seed": 4})
    assert torch.equal(first.sources, again.sources)
    assert not torch.equal(first.sources, other.sources)
