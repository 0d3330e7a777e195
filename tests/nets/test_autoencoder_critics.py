"""Every family builds an autoencoder critic: energy per sample, bottleneck code, reconstruction."""

import pytest
import torch

from gankit.nets import build_nets
from gankit.nets.autoencoder import AutoencoderCritic
from gankit.nets.spec import CriticSpec

Z = 8
CASES = [
    ("mlp", (2,), {"g_hidden": 16, "d_hidden": 16, "code_dim": 4}),
    ("mlp", (1, 28, 28), {"g_hidden": 16, "d_hidden": 16, "code_dim": 4}),
    ("dcgan", (1, 28, 28), {"width": 8, "code_dim": 4}),
    ("dcgan", (3, 64, 64), {"width": 8, "d_norm": "layer", "code_dim": 4}),
    ("infogan", (1, 28, 28), {"code_dim": 4}),
    ("infogan", (1, 28, 28), {"code_dim": 4, "autoencoder": "compact", "d_norm": "layer"}),
    ("infogan", (3, 28, 28), {"code_dim": 4, "autoencoder": "compact", "d_norm": "none"}),
    ("infogan", (1, 28, 28), {"code_dim": 4, "autoencoder": "compact-exact", "d_norm": "batch"}),
    ("began", (1, 28, 28), {"filters": 8, "repeat": 1, "code_dim": 4}),
    ("began", (3, 64, 64), {"filters": 8, "repeat": 1, "code_dim": 4}),
]


@pytest.fixture(params=CASES, ids=[f"{n}-{'x'.join(map(str, s))}-{len(o)}" for n, s, o in CASES])
def built(request):
    name, shape, options = request.param
    generator, critic = build_nets(name, options, shape, Z, CriticSpec("autoencoder", "l2"))
    return shape, generator, critic


def test_energy_code_and_reconstruction_shapes(built):
    shape, generator, critic = built
    x = generator(torch.randn(3, Z))
    output = critic(x)
    energy, code = output.energy, output.code
    assert isinstance(critic, AutoencoderCritic)
    assert energy.shape == (3,) and (energy >= 0).all()
    assert code.shape == (3, 4)
    assert critic.decoder(critic.encoder(x)).shape == (3, *shape)
    torch.testing.assert_close(output.score, energy)


def test_energy_is_the_reconstruction_error(built):
    _, generator, critic = built
    critic.eval()
    x = generator(torch.randn(2, Z)).detach()
    expected = (critic.decoder(critic.encoder(x)) - x).flatten(1).norm(dim=1)
    torch.testing.assert_close(critic(x).energy, expected)


def test_gradients_reach_the_encoder_and_the_decoder(built):
    _, generator, critic = built
    critic(generator(torch.randn(4, Z))).score.sum().backward()
    for net in (generator, critic):
        grads = [p.grad for p in net.parameters()]
        assert all(g is not None and torch.isfinite(g).all() for g in grads)


def test_spectral_norm_wraps_the_autoencoder_too():
    _, critic = build_nets("mlp", {"spectral_norm": True, "code_dim": 3}, (2,), Z,
                           CriticSpec("autoencoder"))
    names = [name for name, _ in critic.named_parameters()]
    assert any("parametrizations" in name for name in names)


def test_compact_infogan_autoencoder_is_lucics_size():
    """compare_gan's BEGAN autoencoder: 1.07M weights on 28×28×1 with a 64-wide code, no 1024 layer."""
    options = {"autoencoder": "compact", "d_norm": "none"}
    _, compact = build_nets("infogan", options, (1, 28, 28), Z, CriticSpec("autoencoder"))
    _, mirror = build_nets("infogan", {"d_norm": "none"}, (1, 28, 28), Z, CriticSpec("autoencoder"))
    weights = sum(p.numel() for p in compact.parameters())
    # conv 1→64 and 64→128 (4×4), 6272→64, 64→6272, deconv 128→64 and 64→1, with biases
    expected = (16 * 64 + 64) + (64 * 128 * 16 + 128) + (6272 * 64 + 64) + (64 * 6272 + 6272) \
        + (128 * 64 * 16 + 64) + (64 * 16 + 1)
    assert weights == expected
    assert sum(p.numel() for p in mirror.parameters()) > 10 * weights
    assert not any(isinstance(m, torch.nn.Linear) and 1024 in (m.in_features, m.out_features)
                   for m in compact.modules())


def test_compact_exact_goes_from_the_second_convolution_straight_to_the_code():
    """compare_gan's layout: no norm or activation between conv2 and the code's linear map; the
    only weights it lacks against "compact" in batch norm are that norm's 128 scales and shifts."""
    nets = {kind: build_nets("infogan", {"autoencoder": kind, "d_norm": "batch"}, (1, 28, 28), Z,
                             CriticSpec("autoencoder"))[1]
            for kind in ("compact", "compact-exact")}
    layers = list(nets["compact-exact"].encoder.modules())
    convs = [i for i, m in enumerate(layers) if isinstance(m, torch.nn.Conv2d)]
    assert isinstance(layers[convs[1] + 1], torch.nn.Flatten)
    assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in nets["compact-exact"].encoder.modules())
    weights = {kind: sum(p.numel() for p in net.parameters()) for kind, net in nets.items()}
    assert weights["compact"] - weights["compact-exact"] == 2 * 128
