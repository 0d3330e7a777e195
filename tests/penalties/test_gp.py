import math

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.penalties import build_penalty

W = [1.0, 2.0, 2.0, 4.0]  # ||w|| = 5
NORM = math.sqrt(sum(w * w for w in W))


def test_linear_critic_penalty_is_norm_minus_one_squared(linear, batch):
    value = build_penalty("gp", {})(batch(linear(W)))
    assert value.item() == pytest.approx((NORM - 1.0) ** 2)  # 16


def test_target_option(linear, batch):
    value = build_penalty("gp", {"target": 2.0})(batch(linear(W)))
    assert value.item() == pytest.approx((NORM - 2.0) ** 2)


def test_one_sided_only_penalises_norms_above_the_target(linear, batch):
    one_sided = build_penalty("gp", {"one_sided": True})
    assert one_sided(batch(linear(W))).item() == pytest.approx((NORM - 1.0) ** 2)
    small = [0.1, 0.2, 0.2, 0.4]  # ||w|| = 0.5
    assert one_sided(batch(linear(small))).item() == 0.0
    assert build_penalty("gp", {})(batch(linear(small))).item() == pytest.approx(0.25)


def test_gradient_reaches_the_critic_parameters(linear, batch, grad_of_weight):
    critic = linear(W)
    build_penalty("gp", {})(batch(critic)).backward()
    # d/dw (||w|| - 1)^2 = 2 (||w|| - 1) w / ||w||
    expected = [2 * (NORM - 1.0) * w / NORM for w in W]
    assert grad_of_weight(critic).tolist() == pytest.approx(expected, rel=1e-6)


def test_same_rng_state_same_penalty_without_touching_the_global_rng(curved, batch):
    penalty = build_penalty("gp", {})
    state = torch.get_rng_state()
    first = penalty(batch(curved, seed=5)).item()
    assert penalty(batch(curved, seed=5)).item() == first
    assert penalty(batch(curved, seed=6)).item() != first
    assert torch.equal(torch.get_rng_state(), state)


def test_bf16_autocast_still_reduces_in_float32(linear, batch):
    with torch.autocast("cpu", dtype=torch.bfloat16):
        value = build_penalty("gp", {})(batch(linear(W)))
    assert value.dtype == torch.float32
    assert value.item() == pytest.approx(16.0, rel=1e-2)


def test_negative_target_is_rejected():
    with pytest.raises(GankitError, match="target"):
        build_penalty("gp", {"target": -1.0})
