"""The InfoGAN pair matches the architecture table layer for layer."""

import pytest
from torch import nn

from gankit.nets import build_nets


def _count(net: nn.Module) -> int:
    return sum(p.numel() for p in net.parameters())


def _linear(n_in: int, n_out: int) -> int:
    return n_in * n_out + n_out


def _conv(c_in: int, c_out: int, k: int = 4) -> int:
    return c_in * c_out * k * k + c_out


@pytest.mark.parametrize("channels, z_dim", [(1, 62), (3, 64)])
def test_parameter_count_matches_hand_count(channels, z_dim):
    generator, critic = build_nets("infogan", {}, (channels, 28, 28), z_dim)
    bn = 2  # scale and shift per feature
    g = sum(
        [
            _linear(z_dim, 1024) + bn * 1024,
            _linear(1024, 128 * 7 * 7) + bn * 128 * 7 * 7,
            _conv(128, 64) + bn * 64,
            _conv(64, channels),
        ]
    )
    d = sum(
        [
            _conv(channels, 64),
            _conv(64, 128) + bn * 128,
            _linear(128 * 7 * 7, 1024) + bn * 1024,
            _linear(1024, 1),
        ]
    )
    assert (_count(generator), _count(critic)) == (g, d)


def test_no_norm_options_drop_only_the_norm_parameters():
    with_bn = build_nets("infogan", {}, (1, 28, 28), 62)
    without = build_nets("infogan", {"g_norm": "none", "d_norm": "none"}, (1, 28, 28), 62)
    g_norm = 2 * (1024 + 128 * 7 * 7 + 64)
    d_norm = 2 * (128 + 1024)
    assert _count(with_bn[0]) - _count(without[0]) == g_norm
    assert _count(with_bn[1]) - _count(without[1]) == d_norm


def test_critic_features_are_the_fc1024_layer():
    _, critic = build_nets("infogan", {}, (1, 28, 28), 62)
    assert critic.feature_dim == 1024
    slopes = {m.negative_slope for m in critic.modules() if isinstance(m, nn.LeakyReLU)}
    assert slopes == {0.2}
