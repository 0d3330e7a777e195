"""The seqgan net family: the LSTM generator (sampling from z, log-probabilities) and the CNN
discriminator with highway and dropout."""

import pytest
import torch
import torch.nn.functional as F

from gankit.core.errors import GankitError
from gankit.nets import Critic, build_nets
from gankit.nets.highway import Highway
from gankit.nets.seqgan import Seqgan

SMALL = {"vocab": 11, "filter_sizes": [1, 2, 3], "filter_counts": [4, 5, 6]}


def build(options=None, length=6, z_dim=6):
    return build_nets("seqgan", {**SMALL, **(options or {})}, (length,), z_dim)


def test_generator_maps_z_to_tokens():
    generator, _ = build()
    z = torch.randn(5, 6)
    tokens = generator(z)
    assert tokens.shape == (5, 6) and tokens.dtype == torch.int64
    assert 0 <= tokens.min() and tokens.max() < 11
    assert torch.equal(generator(z), tokens)  # fixed z, fixed sequences
    assert not tokens.requires_grad


def test_generator_log_probs_carry_gradient():
    generator, _ = build()
    tokens = generator(torch.randn(4, 6))
    log_probs = generator(None, tokens=tokens)
    assert log_probs.shape == (4, 6) and (log_probs <= 0).all()
    log_probs.sum().backward()
    assert all(p.grad is not None for p in generator.parameters())


def test_sampling_follows_the_model():
    """Empirical first-token frequencies match the model's probabilities."""
    generator, _ = build({"vocab": 4}, length=1, z_dim=1)
    tokens = generator(torch.randn(40_000, 1, generator=torch.Generator().manual_seed(0)))
    frequencies = torch.bincount(tokens[:, 0], minlength=4) / 40_000
    probs = generator(None, tokens=torch.arange(4)[:, None]).exp()[:, 0].detach()
    torch.testing.assert_close(frequencies, probs, atol=0.01, rtol=0)


def test_temperature_divides_the_logits():
    generator, _ = build({"temperature": 0.5})
    tokens = generator(torch.randn(3, 6))
    logits = generator.lstm.logits(tokens)
    expected = torch.log_softmax(logits / 0.5, dim=2).gather(2, tokens[:, :, None])[:, :, 0]
    torch.testing.assert_close(generator(None, tokens=tokens), expected)
    z = torch.randn(2000, 6, generator=torch.Generator().manual_seed(0))
    generator.temperature = 0.05
    cold = torch.bincount(generator(z)[:, 0]).max()
    generator.temperature = 1.0
    assert cold > 2 * torch.bincount(generator(z)[:, 0]).max()


def test_paper_discriminator():
    _, critic = build_nets("seqgan", {"vocab": 5000}, (20,), 20)
    assert isinstance(critic, Critic)
    assert critic.feature_dim == 1720  # Table 5: 100 + 4×200 + 5×100 + 2×160
    assert isinstance(critic.features.highway, Highway)
    assert critic.features.dropout.p == 0.25
    assert critic.features.embedding.embedding_dim == 64
    scores = critic(torch.randint(0, 5000, (3, 20))).score
    assert scores.shape == (3,)


def test_windows_longer_than_the_sequence_are_dropped():
    _, critic = build_nets("seqgan", {"vocab": 50}, (8,), 8)
    assert critic.feature_dim == 100 + 4 * 200 + 3 * 100  # window sizes 1..8


def test_highway_formula():
    layer = Highway(3)
    h = torch.randn(2, 3)
    tau = torch.sigmoid(layer.gate(h))
    expected = tau * torch.relu(layer.transform(h)) + (1 - tau) * h
    torch.testing.assert_close(layer(h), expected)


def test_dropout_only_in_training_mode():
    _, critic = build({"dropout": 0.5})
    x = torch.randint(0, 11, (4, 6))
    critic.eval()
    assert torch.equal(critic(x).score, critic(x).score)


@pytest.mark.parametrize("options, shape, z_dim, message", [
    ({}, (6,), 5, "set z_dim=6"),
    ({}, (1, 6, 6), 6, "token sequences"),
    ({"vocab": None}, (6,), 6, "vocab is unset"),
    ({"vocab": 1}, (6,), 6, "vocab must be at least 2"),
    ({"temperature": 0}, (6,), 6, "temperature"),
    ({"filter_sizes": [1, 2], "filter_counts": [3]}, (6,), 6, "equally long"),
    ({"filter_sizes": None}, (6,), 6, "go together"),
    ({"filter_sizes": [9], "filter_counts": [3]}, (6,), 6, "longer than the sequences"),
])
def test_errors(options, shape, z_dim, message):
    with pytest.raises(GankitError, match=message):
        build_nets("seqgan", {**SMALL, **options}, shape, z_dim)


def test_vocabulary_from_the_data():
    class Data:
        vocab_size = 42

    assert Seqgan.options_from_data({"vocab": None}, Data())["vocab"] == 42
    assert Seqgan.options_from_data({"vocab": 50}, Data())["vocab"] == 50
    with pytest.raises(GankitError, match="smaller than the data's vocabulary"):
        Seqgan.options_from_data({"vocab": 40}, Data())


def test_stacked_convolution_banks_compute_the_separate_ones():
    torch.manual_seed(0)
    _, separate = build({"conv_banks": "separate", "dropout": 0.0})
    _, stacked = build({"conv_banks": "stacked", "dropout": 0.0})
    stacked.load_state_dict(separate.state_dict())  # the same parameters either way
    tokens = torch.randint(0, 11, (7, 6))
    a, b = separate(tokens).score, stacked(tokens).score
    assert torch.allclose(a, b, atol=1e-5)
    a.sum().backward()
    b.sum().backward()
    for (name, p), q in zip(separate.named_parameters(), stacked.parameters()):
        assert torch.allclose(p.grad, q.grad, atol=1e-5), name
    assert separate.features.convs[2].weight.grad.abs().sum() > 0  # the widest bank learns too


def test_the_padded_bank_holds_each_filter_then_zeros():
    torch.manual_seed(0)
    _, critic = build({"conv_banks": "stacked"})
    features = critic.features
    expected = torch.cat([F.pad(conv.weight, (0, features.span - conv.kernel_size[0]))
                          for conv in features.convs]).flatten(1)
    bank = features.bank()
    assert torch.equal(bank, expected)
    bank.sum().backward()
    for conv in features.convs:  # every weight reaches the bank once
        assert torch.equal(conv.weight.grad, torch.ones_like(conv.weight))


def test_banks_are_separate_unless_asked():
    _, critic = build()
    assert critic.features.banks == "separate"
    calls = []
    critic.features.stacked_banks = lambda x: calls.append(x)
    critic(torch.randint(0, 11, (2, 6)))
    assert calls == []
