from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import torch
from torch import Tensor, nn

from gankit.core.step import CriticOutput, StepBatch, Terms


class ScoreIsInput(nn.Module):
    """A stand-in critic whose score is its input, so a test chooses the scores directly."""

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        return CriticOutput(x.reshape(-1))


class EnergyIsInput(nn.Module):
    """A stand-in autoencoder critic: a row [e, c1, c2, ...] has energy e and code (c1, c2, ...)."""

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        return CriticOutput(x[:, 0], x[:, 1:], x[:, 0])


def make_batch(
    real: Sequence[float],
    fake: Sequence[float],
    critic: nn.Module | None = None,
    fake_grad: bool = False,
) -> StepBatch:
    fake_tensor = torch.tensor(fake, dtype=torch.float32).reshape(len(fake), -1)
    return StepBatch(
        critic=critic if critic is not None else ScoreIsInput(),
        real=torch.tensor(real, dtype=torch.float32).reshape(len(real), -1),
        fake=fake_tensor.requires_grad_(fake_grad),
        z=torch.zeros(len(fake), 1),
        round=0,
        rng=torch.Generator().manual_seed(0),
    )


@pytest.fixture
def batch() -> Callable[..., StepBatch]:
    """batch(real_scores, fake_scores, critic=None, fake_grad=False) -> StepBatch."""
    return make_batch


def energy_batch(real: Sequence[Sequence[float]], fake: Sequence[Sequence[float]],
                 fake_grad: bool = False) -> StepBatch:
    """Rows [energy, *code] for an EnergyIsInput critic."""
    fake_tensor = torch.tensor(fake, dtype=torch.float32)
    return StepBatch(
        critic=EnergyIsInput(),
        real=torch.tensor(real, dtype=torch.float32),
        fake=fake_tensor.requires_grad_(fake_grad),
        z=torch.zeros(len(fake), 1),
        round=0,
        rng=torch.Generator().manual_seed(0),
    )


@pytest.fixture
def energy() -> Callable[..., StepBatch]:
    """energy(real_rows, fake_rows, fake_grad=False) -> StepBatch; rows are [energy, *code]."""
    return energy_batch


class FirstEntryIsScore(nn.Module):
    """A stand-in critic whose score is each sample's first entry, so the other entries only
    change distances between real and fake samples."""

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        return CriticOutput(x[:, 0])


def paired_batch(real: Sequence[Sequence[float]], fake: Sequence[Sequence[float]]) -> StepBatch:
    return StepBatch(critic=FirstEntryIsScore(), real=torch.tensor(real), fake=torch.tensor(fake),
                     z=torch.zeros(len(fake), 1), round=0, rng=torch.Generator())


@pytest.fixture
def paired() -> Callable[..., StepBatch]:
    """paired(real_rows, fake_rows) -> StepBatch scored by the rows' first entries."""
    return paired_batch


def after_round(real_energy: float, fake_energy: float) -> StepBatch:
    """A data-less batch for a state update: the round's critic update saw mean real energy
    `real_energy`, its generator update mean fake energy `fake_energy`."""
    done = {"critic": Terms({}, {"energy_real": torch.tensor(real_energy)}),
            "generator": Terms({}, {"energy_fake": torch.tensor(fake_energy)})}
    empty = torch.zeros(0, 1)
    return StepBatch(critic=EnergyIsInput(), real=empty, fake=empty, z=empty, round=0,
                     rng=torch.Generator(), done=done)


@pytest.fixture
def round_done() -> Callable[..., StepBatch]:
    """round_done(real_energy, fake_energy) -> the batch a state update sees after a round."""
    return after_round


def find_entry(objective, plan, name):
    return next(e for e in objective.schedule(plan) if e.name == name)


@pytest.fixture
def entry() -> Callable:
    """entry(objective, plan, name) -> the update called `name` in the objective's schedule."""
    return find_entry
