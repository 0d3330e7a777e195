import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import EpochSampler, InMemoryImages


def test_every_index_once_per_epoch():
    sampler = EpochSampler(10)
    rng = torch.Generator().manual_seed(0)
    drawn = torch.cat([sampler.next(3, rng) for _ in range(10)])  # 30 = three epochs
    for epoch in drawn.view(3, 10):
        assert sorted(epoch.tolist()) == list(range(10))


def test_batch_larger_than_the_dataset():
    sampler = EpochSampler(4)
    drawn = sampler.next(12, torch.Generator().manual_seed(0))
    assert torch.bincount(drawn, minlength=4).tolist() == [3, 3, 3, 3]


def test_empty_dataset_is_refused():
    with pytest.raises(ValueError):
        EpochSampler(0)


def images(n=7):
    return InMemoryImages(torch.arange(n, dtype=torch.uint8).view(n, 1, 1, 1), torch.arange(n))


def test_state_dict_round_trip_continues_identically():
    original, rng = images(), torch.Generator().manual_seed(3)
    original.sample(5, rng)
    state, rng_state = original.state_dict(), rng.get_state()
    expected = [original.sample(4, rng) for _ in range(5)]

    resumed, rng2 = images(), torch.Generator()
    resumed.load_state_dict(state)
    rng2.set_state(rng_state)
    assert all(torch.equal(resumed.sample(4, rng2), batch) for batch in expected)


def test_samples_are_scaled_to_unit_range():
    source = InMemoryImages(torch.tensor([0, 255], dtype=torch.uint8).view(2, 1, 1, 1))
    batch = source.sample(2, torch.Generator().manual_seed(0))
    assert sorted(batch.flatten().tolist()) == [-1.0, 1.0]


def drawn_state(size=8, n=3):
    sampler = EpochSampler(size)
    sampler.next(n, torch.Generator().manual_seed(0))
    return sampler.state_dict()


@pytest.mark.parametrize("new_size", [3, 12])
def test_data_that_changed_size_is_refused(new_size):
    """A resumed run whose data lost items indexed past their end (IndexError mid-training)."""
    with pytest.raises(GankitError, match=rf"it held 8 items, now {new_size}\); resume with"):
        EpochSampler(new_size).load_state_dict(drawn_state(8))


def test_a_fresh_position_fits_any_size():
    sampler = EpochSampler(5)
    sampler.load_state_dict(EpochSampler(9).state_dict())
    assert len(sampler.next(5, torch.Generator().manual_seed(0))) == 5


@pytest.mark.parametrize("state", [
    None, {}, {"order": [0, 1], "cursor": 0}, {"order": torch.arange(8.0), "cursor": 0},
    {"order": torch.arange(8), "cursor": 9}, {"order": torch.arange(8), "cursor": -1},
    {"order": torch.arange(8), "cursor": 1.0}, {"order": torch.arange(8).view(2, 4), "cursor": 0},
    {"order": torch.arange(8) + 1, "cursor": 0},
])
def test_malformed_positions(state):
    with pytest.raises(GankitError, match="sampling position"):
        EpochSampler(8).load_state_dict(state)
