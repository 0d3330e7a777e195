import pytest
import torch

from gankit.training.instance_noise import InstanceNoise


def test_schedule_is_linear_to_zero():
    noise = InstanceNoise(std=0.5, anneal_steps=100)
    assert noise.std_at(0) == pytest.approx(0.5)
    assert noise.std_at(25) == pytest.approx(0.375)
    assert noise.std_at(50) == pytest.approx(0.25)
    assert noise.std_at(100) == 0.0 and noise.std_at(1000) == 0.0


def test_noise_has_scheduled_std_and_uses_given_rng():
    noise = InstanceNoise(std=0.5, anneal_steps=100)
    x = torch.zeros(200_000)
    rng = torch.Generator().manual_seed(0)
    state = torch.get_rng_state()
    noisy = noise(x, 50, rng)
    assert torch.equal(state, torch.get_rng_state())
    assert noisy.std().item() == pytest.approx(0.25, rel=0.02)
    again = noise(x, 50, torch.Generator().manual_seed(0))
    assert torch.equal(noisy, again)


def test_zero_std_returns_input_untouched():
    x = torch.randn(5)
    assert InstanceNoise(0.0, 10)(x, 0, torch.Generator()) is x
