"""A new GAN is one module, one registry line and a preset: an objective defined here, in the
test, trains through the registry and the normal API like the shipped ones.

The objective is a softplus GAN whose critic must clear a margin: f(d) = softplus(m − d),
g(d) = softplus(m + d), h(d) = softplus(m − d); m = 0 is the non-saturating GAN.
"""

import json
import math
from dataclasses import dataclass

import pytest
import torch.nn.functional as F
import yaml
from torch import Tensor

import gankit
from gankit.core.checks import require_non_negative
from gankit.objectives import OBJECTIVES, build_objective
from gankit.objectives.base import ScoreObjective
from gankit.objectives.defaults import dcgan_training
from gankit.objectives.registry import ObjectiveFacts

NAME = "softplus-margin"


@dataclass
class SoftplusMarginOptions:
    margin: float = 0.5  # m

    def __post_init__(self) -> None:
        require_non_negative(self.margin, "objective_options.margin")


class SoftplusMargin(ScoreObjective):
    Options = SoftplusMarginOptions

    def f(self, d_real: Tensor) -> Tensor:
        return F.softplus(self.options.margin - d_real)

    def g(self, d_fake: Tensor) -> Tensor:
        return F.softplus(self.options.margin + d_fake)

    def h(self, d_fake: Tensor) -> Tensor:
        return F.softplus(self.options.margin - d_fake)


@pytest.fixture
def registered():
    """The objective under its name for one test, then gone, so other tests see the usual list."""
    OBJECTIVES.declare(NAME, "softplus GAN with a margin m (a test's own objective)",
                       SoftplusMargin, SoftplusMarginOptions,
                       ObjectiveFacts(training_defaults=dcgan_training()))
    yield NAME
    OBJECTIVES.remove(NAME)


def test_its_losses_by_hand(registered, batch):
    objective = build_objective(registered, {"margin": 1.0})
    softplus = lambda v: math.log1p(math.exp(v))
    critic = objective.critic_loss(batch([2.0, 0.0], [-1.0]))
    assert critic.losses["real"].item() == pytest.approx((softplus(-1) + softplus(1)) / 2)
    assert critic.losses["fake"].item() == pytest.approx(softplus(0))
    generator = objective.generator_loss(batch([0.0], [3.0]))
    assert generator.losses["adv"].item() == pytest.approx(softplus(-2))


def test_it_trains_through_the_registry_from_a_preset(registered, tmp_path):
    preset = tmp_path / f"{registered}-ring.yaml"
    preset.write_text(f"summary: {registered} on the ring\nextends: _ring\n"
                      f"objective: {registered}\nobjective_options: {{margin: 0.25}}\n")
    run = gankit.train(str(preset), steps=4, batch_size=16, net_options__g_hidden=8,
                       net_options__d_hidden=8, out=str(tmp_path / "run"), device="cpu",
                       precision="fp32", log__every=2, log__progress=False,
                       log__tensorboard=False)
    config = yaml.safe_load((run / "config.yaml").read_text())
    assert (config["objective"], config["objective_options"]) == (registered, {"margin": 0.25})
    rows = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert rows[-1]["step"] == 4 and (run / "checkpoints" / "last.pt").is_file()
    for row in rows:
        for term in ("critic/real", "critic/fake", "generator/adv"):
            assert math.isfinite(row[term]), (row["step"], term)


def test_the_registration_ends_with_its_test():
    assert NAME not in OBJECTIVES
