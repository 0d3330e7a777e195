"""PacGAN's packed critic (Lin et al. 2018): consecutive samples stacked as one input of m times
the channels, one score per pack; what cannot be packed is refused with one line."""

import pytest
import torch

from gankit.config.load import load_config
from gankit.core.errors import GankitError
from gankit.core.step import CriticOutput
from gankit.nets import build_nets
from gankit.nets.packing import PackedCritic


class CornerSum(torch.nn.Module):
    """Scores an input by the sum of its channels' top-left pixels."""

    def forward(self, x, labels=None):
        return CriticOutput(x[:, :, 0, 0].sum(1))


def test_consecutive_samples_form_a_pack():
    x = torch.arange(6.0).view(6, 1, 1, 1).expand(6, 1, 2, 2)
    scores = PackedCritic(CornerSum(), 3)(x).score
    assert scores.tolist() == [0 + 1 + 2, 3 + 4 + 5]


@pytest.mark.parametrize("net, shape, options", [
    ("dcgan", (1, 28, 28), {"width": 4}),
    ("mlp", (2,), {"d_hidden": 8}),
    ("infogan", (1, 28, 28), {}),
])
def test_families_build_a_critic_of_packs(net, shape, options):
    _, critic = build_nets(net, {**options, "pack": 2}, shape, 4)
    assert critic(torch.zeros(6, *shape)).score.shape == (3,)
    with pytest.raises(ValueError, match="multiple of 2"):
        critic(torch.zeros(5, *shape))


def test_conditional_and_autoencoder_critics_are_not_packed():
    from gankit.nets.spec import CriticSpec

    with pytest.raises(GankitError, match="unconditional scalar-score critics only"):
        build_nets("dcgan", {"pack": 2}, (1, 28, 28), 4, classes=10)
    with pytest.raises(GankitError, match="unconditional scalar-score critics only"):
        build_nets("dcgan", {"pack": 2}, (1, 28, 28), 4, CriticSpec("autoencoder"))


@pytest.mark.parametrize("overrides, message", [
    (["batch_size=63"], "batch_size must be a multiple of 2, got 63"),
    (["objective=gan-qp"], "compares each real sample with its own fake"),
    (["net_options.pack=0"], "net_options.pack"),
])
def test_config_mistakes(overrides, message):
    with pytest.raises(GankitError, match=message):
        load_config("ns-ring", ["net_options.pack=2", *overrides])
