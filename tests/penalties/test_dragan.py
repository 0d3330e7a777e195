import math
import statistics

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.penalties import build_penalty
from gankit.penalties.dragan import perturb

W = [1.0, 2.0, 2.0, 4.0]  # ||w|| = 5


def test_linear_critic_penalty_is_norm_minus_k_squared(linear, batch):
    assert build_penalty("dragan", {})(batch(linear(W))).item() == pytest.approx(16.0)
    assert build_penalty("dragan", {"k": 2.0})(batch(linear(W))).item() == pytest.approx(9.0)


def test_gradient_reaches_the_critic_parameters(linear, batch, grad_of_weight):
    critic = linear(W)
    build_penalty("dragan", {})(batch(critic)).backward()
    expected = [2 * (5.0 - 1.0) * w / 5.0 for w in W]
    assert grad_of_weight(critic).tolist() == pytest.approx(expected, rel=1e-6)


def test_perturbation_is_c_sigma_uniform():
    real = torch.tensor([[1.0, 2.0], [3.0, -4.0]])
    sigma = statistics.pstdev([1.0, 2.0, 3.0, -4.0])  # one std over the whole batch
    noise = perturb(real, 0.5, torch.Generator().manual_seed(0)) - real
    assert float(noise.min()) >= 0.0
    assert float(noise.max()) <= 0.5 * sigma + 1e-6
    assert len(set(noise.flatten().tolist())) == 4  # one draw per element


def test_same_rng_state_same_penalty_without_touching_the_global_rng(curved, batch):
    penalty = build_penalty("dragan", {})
    state = torch.get_rng_state()
    first = penalty(batch(curved, seed=5)).item()
    assert penalty(batch(curved, seed=5)).item() == first
    assert penalty(batch(curved, seed=6)).item() != first
    assert torch.equal(torch.get_rng_state(), state)
    assert math.isfinite(first)


@pytest.mark.parametrize("key", ["c", "k"])
def test_negative_options_are_rejected(key):
    with pytest.raises(GankitError, match=f"options.{key}"):
        build_penalty("dragan", {key: -0.5})
