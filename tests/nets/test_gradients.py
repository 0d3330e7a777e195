import pytest
import torch

from gankit.nets.gradients import interpolate, norm_penalty, uniform


def test_interpolates_lie_on_the_segment_with_one_coefficient_per_sample():
    start = torch.zeros(64, 3, 2, 2)
    end = torch.arange(1.0, 13.0).view(1, 3, 2, 2).expand(64, 3, 2, 2)
    points = interpolate(start, end, torch.Generator().manual_seed(0))
    alpha = points / end
    assert torch.allclose(alpha, alpha[:, :1, :1, :1].expand_as(alpha))
    assert float(alpha.min()) >= 0.0 and float(alpha.max()) <= 1.0
    assert float(alpha.std()) > 0.1  # not one coefficient for the whole batch


def test_interpolation_needs_matching_shapes():
    with pytest.raises(ValueError, match="shapes"):
        interpolate(torch.zeros(2, 3), torch.zeros(3, 3), torch.Generator())


def test_uniform_follows_the_reference_tensor():
    like = torch.zeros(1, dtype=torch.float64)
    draws = uniform((5,), torch.Generator().manual_seed(0), like)
    assert draws.dtype == torch.float64 and draws.shape == (5,)


def test_norm_penalty_by_hand():
    norms = torch.tensor([0.5, 1.0, 3.0])
    assert norm_penalty(norms).item() == pytest.approx((0.25 + 0 + 4) / 3)
    assert norm_penalty(norms, one_sided=True).item() == pytest.approx(4 / 3)
    assert norm_penalty(norms, target=0.0).item() == pytest.approx((0.25 + 1 + 9) / 3)
