import pytest
import torch
from torch import nn
from torch.nn.utils import parametrizations

from gankit.core.errors import GankitError
from gankit.core.step import PerRound, TrainingPlan
from gankit.objectives import build_objective
from gankit.objectives.wgan import clip_parameters

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


def clip_after_critic_step(objective, critic):
    """Run what the schedule runs on the critic after its optimiser step."""
    (critic_update,) = [e for e in objective.schedule(TrainingPlan(8, 10)) if e.trains == "critic"]
    critic_update.project(critic)


def test_clipping_bounds_every_parameter():
    critic = big_critic()
    clip_after_critic_step(build_objective("wgan", {"clip": 0.05}), critic)
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
    clip_after_critic_step(build_objective("wgan", {}), critic)
    assert critic.weight is weight  # in place, so the optimiser keeps tracking it
    assert critic.weight[0].tolist() == pytest.approx([0.003, -0.01])
    assert float(critic.bias.detach()) == pytest.approx(0.01)


def test_spectral_norm_layer_still_works_after_clipping():
    critic = big_critic()
    clip_parameters(critic, 0.01)
    critic.eval()
    assert torch.isfinite(critic(torch.ones(4, 3))).all()


@pytest.mark.parametrize("clip", [-0.01, 0.0, float("nan"), float("inf")])
def test_bad_clip_is_a_one_line_error(clip):
    with pytest.raises(GankitError, match="objective_options.clip") as error:
        build_objective("wgan", {"clip": clip})
    assert "\n" not in str(error.value)


def critic_steps_per_round(objective, rounds, n_critic=5):
    critic = objective.schedule(TrainingPlan(8, rounds, n_critic=n_critic))[0]
    assert critic.name == "critic" and isinstance(critic.when, PerRound)
    return [critic.when.count(r) for r in range(rounds)]


def test_algorithm_1_takes_n_critic_steps_every_round():
    assert critic_steps_per_round(build_objective("wgan", {}), 1200) == [5] * 1200


def test_reference_schedule_bursts_100_critic_steps():
    """The authors' code: 100 critic steps for the first 25 generator steps and every 500th."""
    counts = critic_steps_per_round(build_objective("wgan", {"critic_schedule": "reference"}),
                                    1200)
    bursts = [r for r, n in enumerate(counts) if n == 100]
    assert bursts == [*range(25), 500, 1000]
    assert all(n == 5 for r, n in enumerate(counts) if r not in bursts)
    assert sum(counts) == 100 * 27 + 5 * (1200 - 27)
