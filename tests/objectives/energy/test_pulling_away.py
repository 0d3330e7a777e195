import pytest
import torch

from gankit.objectives.energy.pulling_away import pulling_away


def test_orthogonal_codes_give_zero():
    assert pulling_away(torch.eye(4)).item() == pytest.approx(0.0, abs=1e-7)


def test_identical_codes_give_one():
    codes = torch.tensor([[1.0, 2.0, -1.0]]).repeat(5, 1)
    assert pulling_away(codes).item() == pytest.approx(1.0)


def test_scale_of_each_code_does_not_matter():
    codes = torch.tensor([[1.0, 0.0], [1.0, 1.0], [0.0, -2.0]])
    scaled = codes * torch.tensor([[3.0], [0.5], [7.0]])
    assert pulling_away(scaled).item() == pytest.approx(pulling_away(codes).item())


def test_hand_value_three_codes():
    # cos(a, b) = 1/sqrt(2), cos(a, c) = 0, cos(b, c) = -1/sqrt(2); squared: 1/2, 0, 1/2.
    # Ordered pairs i != j count each twice: 2 * (1/2 + 0 + 1/2) / (3 * 2) = 1/3.
    codes = torch.tensor([[1.0, 0.0], [1.0, 1.0], [0.0, -2.0]])
    assert pulling_away(codes).item() == pytest.approx(1 / 3)


def test_codes_of_any_shape_are_flattened():
    codes = torch.eye(4).reshape(4, 2, 2)
    assert pulling_away(codes).item() == pytest.approx(0.0, abs=1e-7)


def test_gradient_flows_to_the_codes():
    codes = torch.tensor([[1.0, 0.2], [0.9, 0.1]], requires_grad=True)
    pulling_away(codes).backward()
    assert codes.grad.abs().sum() > 0


def test_a_single_code_is_refused():
    with pytest.raises(ValueError):
        pulling_away(torch.ones(1, 3))
