import pytest
import torch

from gankit.metrics.two_sample import nearest_neighbour_accuracy


def points(*values: float) -> torch.Tensor:
    return torch.tensor(values).unsqueeze(1)


def test_separated_sets_are_told_apart() -> None:
    result = nearest_neighbour_accuracy(points(0.0, 1.0), points(10.0, 11.0))
    assert result == {"accuracy": 1.0, "real_accuracy": 1.0, "fake_accuracy": 1.0}


def test_interleaved_sets_score_zero() -> None:
    # 0 → 1 (fake), 2.1 → 1 (1.1 < 1.2), 1 → 0 (1 < 1.1), 3.3 → 2.1: every neighbour of the
    # other kind
    result = nearest_neighbour_accuracy(points(0.0, 2.1), points(1.0, 3.3))
    assert result["accuracy"] == 0.0


def test_sides_by_hand() -> None:
    # real 0 → 0.5 and 0.5 → 0 (right); fake 10 → 3 (right), 3 → 0.5 (wrong)
    result = nearest_neighbour_accuracy(points(0.0, 0.5), points(10.0, 3.0))
    assert result == {"accuracy": 0.75, "real_accuracy": 1.0, "fake_accuracy": 0.5}


@pytest.mark.parametrize("chunk", [1, 3, 1024])
def test_chunking_does_not_change_the_answer(chunk: int) -> None:
    rng = torch.Generator().manual_seed(0)
    real, fake = torch.randn(20, 2, 3, generator=rng), torch.randn(17, 2, 3, generator=rng) + 0.5
    assert nearest_neighbour_accuracy(real, fake, chunk) == nearest_neighbour_accuracy(real, fake)


def test_a_set_against_a_copy_of_itself_is_not_its_own_neighbour() -> None:
    # each point's nearest other point is its copy on the other side
    result = nearest_neighbour_accuracy(points(0.0, 5.0), points(0.0, 5.0))
    assert result["accuracy"] == 0.0
