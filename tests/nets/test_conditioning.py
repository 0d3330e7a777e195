"""Class-conditional nets: conditional batch norm, one-hot inputs, projection / AC-GAN / concat
critics, checked against hand computations."""

import pytest
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.nets import build_nets
from gankit.nets.conditioning import ConcatLabels, ConditionalBatchNorm
from gankit.nets.critic import Critic, LabelReader
from gankit.nets.spec import CriticSpec


def test_conditional_batch_norm_picks_the_gain_and_bias_row_of_the_label():
    layer = ConditionalBatchNorm(nn.BatchNorm1d(2), classes=3)
    with torch.no_grad():
        layer.gain.weight.copy_(torch.tensor([[1.0, 1.0], [2.0, 3.0], [0.5, -1.0]]))
        layer.bias.weight.copy_(torch.tensor([[0.0, 0.0], [10.0, 20.0], [-1.0, 1.0]]))
    x = torch.tensor([[1.0, 4.0], [3.0, 0.0]])  # batch means 2, 2; variances 1, 4
    normed = torch.tensor([[-1.0, 1.0], [1.0, -1.0]])  # up to BN's eps
    out = layer(x, torch.tensor([1, 2]))
    expected = torch.stack([normed[0] * torch.tensor([2.0, 3.0]) + torch.tensor([10.0, 20.0]),
                            normed[1] * torch.tensor([0.5, -1.0]) + torch.tensor([-1.0, 1.0])])
    torch.testing.assert_close(out, expected, atol=1e-4, rtol=1e-4)


def test_conditional_batch_norm_starts_as_plain_batch_norm_for_every_class():
    layer, plain = ConditionalBatchNorm(nn.BatchNorm2d(4), 5), nn.BatchNorm2d(4)
    x = torch.randn(6, 4, 3, 3)
    torch.testing.assert_close(layer(x, torch.arange(6) % 5), plain(x))


def test_labels_as_inputs_are_one_hot_entries_or_maps():
    concat = ConcatLabels(3)
    flat = concat(torch.zeros(2, 2), torch.tensor([2, 0]))
    assert flat.tolist() == [[0, 0, 0, 0, 1], [0, 0, 1, 0, 0]]
    maps = concat(torch.zeros(2, 1, 4, 4), torch.tensor([1, 2]))
    assert maps.shape == (2, 4, 4, 4)
    assert maps[0, 2].eq(1).all() and maps[0, 1].eq(0).all() and maps[1, 3].eq(1).all()


def identity_critic(conditioning, classes=2):
    critic = Critic(nn.Identity(), 2, LabelReader(2, classes, conditioning))
    with torch.no_grad():
        critic.head.weight.copy_(torch.tensor([[1.0, -2.0]]))
        critic.head.bias.fill_(0.5)
    return critic


def test_projection_score_by_hand():
    critic = identity_critic("projection")
    with torch.no_grad():
        critic.labels.embed.weight.copy_(torch.tensor([[3.0, 0.0], [1.0, 1.0]]))
    x = torch.tensor([[1.0, 2.0], [2.0, -1.0]])
    # psi(phi) = phi_0 - 2 phi_1 + 0.5; <embed(y), phi>: [3, 0].[1, 2] = 3, [1, 1].[2, -1] = 1
    scores = critic(x, torch.tensor([0, 1])).score
    assert scores.tolist() == pytest.approx([1 - 4 + 0.5 + 3, 2 + 2 + 0.5 + 1])


def test_acgan_critic_adds_class_logits_and_keeps_the_score():
    critic = identity_critic("acgan", classes=3)
    out = critic(torch.tensor([[1.0, 2.0]]), torch.tensor([0]))
    assert out.score.tolist() == pytest.approx([1 - 4 + 0.5])
    assert out.class_logits.shape == (1, 3)


def test_a_conditional_critic_needs_labels():
    with pytest.raises(ValueError, match="class-conditional"):
        identity_critic("projection")(torch.zeros(1, 2))


@pytest.mark.parametrize("name, shape", [("mlp", (2,)), ("dcgan", (1, 28, 28)),
                                         ("infogan", (1, 28, 28))])
@pytest.mark.parametrize("conditioning", ["projection", "acgan", "concat"])
def test_every_family_builds_conditional_nets(name, shape, conditioning):
    generator, critic = build_nets(name, {"conditioning": conditioning}, shape, 8,
                                   CriticSpec(), classes=4)
    labels = torch.tensor([0, 1, 2, 3])
    fakes = generator(torch.randn(4, 8), labels)
    assert fakes.shape == (4, *shape)
    out = critic(fakes, labels)
    assert out.score.shape == (4,)
    assert (out.class_logits is not None) == (conditioning == "acgan")
    total = out.score.sum() + (out.class_logits.sum() if out.class_logits is not None else 0)
    total.backward()  # gradients reach every parameter, the label layers' too
    for net in (generator, critic):
        assert all(p.grad is not None for p in net.parameters())


def test_conv_generators_use_conditional_batch_norm_and_mlps_one_hot_inputs():
    conv, _ = build_nets("dcgan", {}, (1, 28, 28), 8, classes=4)
    assert any(isinstance(m, ConditionalBatchNorm) for m in conv.modules())
    assert not any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in conv.children())
    mlp, _ = build_nets("mlp", {}, (2,), 8, classes=4)
    assert isinstance(mlp[0], ConcatLabels) and mlp[1].in_features == 8 + 4


def test_spectral_norm_covers_the_projection_embedding():
    _, critic = build_nets("mlp", {"spectral_norm": True}, (2,), 4, classes=3)
    assert hasattr(critic.labels.embed, "parametrizations")


def test_autoencoder_critics_have_no_conditional_form():
    with pytest.raises(GankitError, match="autoencoder"):
        build_nets("mlp", {}, (2,), 4, CriticSpec("autoencoder"), classes=3)
