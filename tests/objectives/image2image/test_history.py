"""The history of fakes (Shrivastava et al. 2017; CycleGAN's 50-image buffer): it fills with the
first fakes, then swaps about half of each batch for stored ones, losing and inventing nothing."""

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.objectives.image2image.history import ImageHistory


def fakes(start, n):
    return torch.arange(start, start + n, dtype=torch.float32).view(n, 1, 1, 1)


def values(t):
    return sorted(t.flatten().tolist())


def test_the_first_fakes_fill_it_and_pass_through():
    history = ImageHistory(5)
    rng = torch.Generator().manual_seed(0)
    assert history(fakes(0, 3), rng).equal(fakes(0, 3))
    assert history(fakes(3, 4), rng).equal(fakes(3, 4))  # two of these fill it
    assert history.count == 5 and values(history.images) == [0, 1, 2, 3, 4]


def test_a_full_history_swaps_fakes_without_losing_or_inventing_any():
    history = ImageHistory(6)
    rng = torch.Generator().manual_seed(1)
    history(fakes(0, 6), rng)
    swapped = 0
    for step in range(1, 40):
        before = values(history.images)
        new = fakes(10 * step, 4)
        seen = history(new, rng)
        assert values(torch.cat([seen, history.images])) == sorted(before + values(new))
        swapped += sum(v not in new.flatten().tolist() for v in seen.flatten().tolist())
    assert 0.35 < swapped / (39 * 4) < 0.65  # each fake swapped with probability 1/2


def test_a_batch_larger_than_the_history_swaps_at_most_its_size():
    history = ImageHistory(2)
    rng = torch.Generator().manual_seed(2)
    history(fakes(0, 2), rng)
    seen = history(fakes(10, 5), rng)
    assert seen[2:].equal(fakes(12, 3))


def test_size_zero_passes_the_latest_fakes():
    history = ImageHistory(0)
    assert history(fakes(0, 3), torch.Generator()).equal(fakes(0, 3))


def test_state_round_trip_and_a_bad_state():
    history = ImageHistory(4)
    rng = torch.Generator().manual_seed(3)
    history(fakes(0, 3), rng)
    copy = ImageHistory(4)
    copy.load_state_dict(history.state_dict())
    assert copy.count == 3 and copy.images[:3].equal(history.images[:3])
    assert copy(fakes(5, 2), torch.Generator().manual_seed(4)).equal(
        history(fakes(5, 2), torch.Generator().manual_seed(4)))
    with pytest.raises(GankitError, match="history of 2 images"):
        ImageHistory(2).load_state_dict(history.state_dict())
