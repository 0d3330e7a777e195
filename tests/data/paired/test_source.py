"""Paired and unpaired sources: what they hand out, reproducibly, and where they resume."""

import numpy as np
import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import InMemoryImages, load_dataset
from gankit.data.paired.degradations import edges
from gankit.data.paired.options import PairOptions
from gankit.data.paired.source import PairedImages, UnpairedImages, make_pairs


def batches(source, seed=0, n=5, count=4):
    rng = torch.Generator().manual_seed(seed)
    return [source.sample_labelled(n, rng) for _ in range(count)]


def same(first, second):
    return all(torch.equal(a, b) for pair_a, pair_b in zip(first, second)
               for a, b in zip(pair_a, pair_b))


def test_a_paired_source_describes_itself(mnist):
    source = load_dataset("mnist", {"pairs": "edges"})
    assert isinstance(source, PairedImages) and source.kind == "images"
    assert source.condition == "image" and source.paired
    assert source.condition_shape == (1, 28, 28)
    assert source.class_frequencies() is None and source.labels is None
    assert torch.equal(source.target_labels, torch.arange(12) % 10)
    assert source.classes == tuple(str(k) for k in range(10))


def test_other_sources_say_what_they_are_conditioned_on(mnist):
    assert load_dataset("mnist").condition == "class"
    assert InMemoryImages(torch.zeros((2, 1, 4, 4), dtype=torch.uint8)).condition is None
    assert load_dataset("ring").condition is None


def test_a_pair_is_the_image_and_its_own_degradation(mnist):
    source = load_dataset("mnist", {"pairs": "edges"})
    targets, sources = source.sample_labelled(12, torch.Generator().manual_seed(0))
    order = [int(np.flatnonzero((mnist == image).all(axis=(1, 2)))[0])
             for image in ((targets[:, 0] + 1) * 127.5).round().byte().numpy()]
    expected = edges(torch.from_numpy(mnist[order])[:, None]).float() / 127.5 - 1
    assert sorted(order) == list(range(12)) and torch.equal(sources, expected)


def test_seeded_draws_are_reproducible(mnist):
    first = load_dataset("mnist", {"pairs": "mask:boxes"})
    second = load_dataset("mnist", {"pairs": "mask:boxes"})
    assert same(batches(first), batches(second))
    assert not same(batches(first, seed=0), batches(second, seed=1))


@pytest.mark.parametrize("options", [{"pairs": "downsample:2"},
                                     {"pairs": "edges", "unpaired": True}])
def test_state_dict_round_trip_resumes_the_same_batches(mnist, options):
    original, rng = load_dataset("mnist", options), torch.Generator().manual_seed(3)
    original.sample_labelled(7, rng)
    state, rng_state = original.state_dict(), rng.get_state()
    expected = [original.sample_labelled(5, rng) for _ in range(4)]

    resumed, rng2 = load_dataset("mnist", options), torch.Generator()
    resumed.load_state_dict(state)
    rng2.set_state(rng_state)
    assert same([resumed.sample_labelled(5, rng2) for _ in range(4)], expected)


def test_unpaired_state_must_hold_both_sides(mnist):
    source = load_dataset("mnist", {"pairs": "edges", "unpaired": True})
    with pytest.raises(GankitError, match="one per side"):
        source.load_state_dict({"order": torch.arange(6), "cursor": 0})


def test_the_test_split_pairs_are_fixed_by_index(mnist):
    options = {"split": "test", "pairs": "mask:strokes", "unpaired": True}
    first, second = load_dataset("mnist", options), load_dataset("mnist", options)
    assert isinstance(first, PairedImages)  # the test split stays paired for scoring
    assert torch.equal(first.sources[:4], second.sources[:4])
    assert torch.equal(first.targets, torch.from_numpy(mnist)[:, None])


def test_an_unpaired_split_takes_sources_and_targets_from_disjoint_halves(mnist):
    source = load_dataset("mnist", {"pairs": "edges", "unpaired": True})
    images = torch.from_numpy(mnist)[:, None]
    assert isinstance(source, UnpairedImages) and not source.paired
    assert torch.equal(source.targets, images[6:])
    assert torch.equal(source.sources, edges(images[:6]))
    assert torch.equal(source.target_labels, torch.arange(6, 12) % 10)


def test_unpaired_sides_are_drawn_independently():
    targets = torch.arange(5, dtype=torch.uint8).view(5, 1, 1, 1)
    sources = torch.arange(7, dtype=torch.uint8).view(7, 1, 1, 1) + 100
    source = UnpairedImages(targets, sources)
    drawn = source.sample_labelled(35, torch.Generator().manual_seed(0))
    t, s = (((batch.flatten() + 1) * 127.5).round().long() for batch in drawn)
    assert torch.bincount(t).tolist() == [7] * 5  # each side in whole epochs of its own
    assert torch.bincount(s - 100).tolist() == [5] * 7
    assert len(set(zip(t.tolist(), s.tolist()))) > 20  # no fixed partner


def test_preview_shows_each_source_beside_its_output(mnist):
    source = load_dataset("mnist", {"pairs": "downsample:4"})
    targets, sources = source.sample_labelled(4, torch.Generator().manual_seed(0))
    picture = source.preview(targets, sources).picture
    assert picture.shape == (2 * 30 + 2, 4 * 30 + 2, 1)  # 2 rows of (source, output) × 2
    plain = source.preview(targets).picture
    assert plain.shape == (2 * 30 + 2, 2 * 30 + 2, 1)


def test_preview_paints_holes_red(mnist):
    source = load_dataset("mnist", {"pairs": "mask:center"})
    targets, sources = source.sample_labelled(1, torch.Generator().manual_seed(0))
    picture = source.preview(targets, sources).picture
    assert picture.shape[2] == 3
    assert picture[2 + 14, 2 + 14].tolist() == [255, 0, 0]  # the hole's centre, first tile
    assert picture[2 + 14, 2 + 30 + 14].tolist() == [picture[2 + 14, 2 + 30 + 14, 0]] * 3


def test_non_image_sources_cannot_be_paired():
    with pytest.raises(GankitError, match="needs an image dataset"):
        make_pairs(load_dataset("ring"), PairOptions(pairs="edges"))
