import pytest
import torch
from torch import nn
from torch.nn.utils import parametrizations

from gankit.core.errors import GankitError
from gankit.objectives import build_objective

REAL = [2.0, -1.0, 0.5]
FAKE = [-3.0, 1.0, 4.0]


def test_terms_are_the_critic_scores(batch):
    objective = build_objective("wgan", {})
    critic = objective.critic_loss(batch(REAL, FAKE))
    generator = objective.generator_loss(batch(REAL, FAKE))
    assert critic.losses["real"].item() == pytest.approx(-1.5 / 3)
    assert critic.losses["fake"].item() == pytest.approx(2.0 / 3)
    assert generator.losses["adv"].item() == pytest.approx(-2.0 / 3)


def big_critic() -> nn.Module:
    torch.manual_seed(0)
    critic = nn.Sequential(
        nn.Linear(3, 8),
        nn.BatchNorm1d(8),
        nn.LeakyReLU(0.2),
        parametrizations.spectral_norm(nn.Linear(8, 8)),
        nn.LeakyReLU(0.2),
        nn.utils.spectral_norm(nn.Linear(8, 1)),
    )
    with torch.no_grad():
        for parameter in critic.parameters():
            parameter.mul_(0).add_(torch.linspace(-3, 3, parameter.numel()).view_as(parameter))
    return critic


def test_clipping_bounds_every_parameter():
    critic = big_critic()
    build_objective("wgan", {"clip": 0.05}).after_critic_step(critic)
    named = dict(critic.named_parameters())
    # BatchNorm's affine terms and the spectral-norm layers' stored originals are clipped too.
    assert {"1.weight", "1.bias", "3.parametrizations.weight.original", "5.weight_orig"} <= set(
        named
    )
    for name, parameter in named.items():
        assert float(parameter.detach().abs().max()) == pytest.approx(0.05), name


def test_clipping_keeps_values_inside_the_bound_and_the_same_tensors():
    critic = nn.Linear(2, 1)
    with torch.no_grad():
        critic.weight.copy_(torch.tensor([[0.003, -0.5]]))
        critic.bias.fill_(0.5)
    weight = critic.weight
    build_objective("wgan", {}).after_critic_step(critic)
    assert critic.weight is weight  # in place, so the optimiser keeps tracking it
    assert critic.weight[0].tolist() == pytest.approx([0.003, -0.01])
    assert float(critic.bias.detach()) == pytest.approx(0.01)


def test_spectral_norm_layer_still_works_after_clipping():
    critic = big_critic()
    build_objective("wgan", {}).after_critic_step(critic)
    critic.eval()
    assert torch.isfinite(critic(torch.ones(4, 3))).all()


@pytest.mark.parametrize("clip", [-0.01, 0.0, float("nan"), float("inf")])
def test_bad_clip_is_a_one_line_error(clip):
    with pytest.raises(GankitError, match="objective_options.clip") as error:
        build_objective("wgan", {"clip": clip})
    assert "\n" not in str(error.value)
