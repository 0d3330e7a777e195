"""What the energy-based objectives share: an autoencoder critic whose energy (reconstruction
error) plays the part of the score, and critic pre-training on real data."""

from __future__ import annotations

from torch import Tensor

from gankit.core.errors import GankitError
from gankit.core.step import BeforeGame, CriticOutput, StepBatch, Terms, Update
from gankit.nets.spec import CriticSpec, Energy
from gankit.objectives.base import Objective

PRETRAIN_PHASE = "pretrain_critic"


def energy(output: CriticOutput) -> Tensor:
    """The energy per sample of an autoencoder critic's output."""
    if output.energy is None:
        raise GankitError("this objective needs an autoencoder critic (energy and code)")
    return output.energy


class EnergyObjective(Objective):
    """Base class: subclasses' Options have `energy` (and optionally `pretrain_critic_steps`)."""

    def critic_spec(self) -> CriticSpec:
        energy: Energy = self.options.energy
        return CriticSpec(kind="autoencoder", energy=energy)

    def pretraining(self, steps: int) -> list[Update]:
        """`steps` updates of the autoencoder on real data before the game (none for 0)."""
        if steps <= 0:
            return []
        return [Update(PRETRAIN_PHASE, "critic", self.pretrain_loss, BeforeGame(steps), fake=False)]

    def pretrain_loss(self, batch: StepBatch) -> Terms:
        """The autoencoder learns to reconstruct real data alone: minimise E[D(x)]."""
        return Terms({"energy_real": energy(batch.critic_real()).mean()})
