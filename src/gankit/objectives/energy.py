"""What the energy-based objectives share: an autoencoder critic whose energy (reconstruction
error) plays the part of the score, and critic pre-training on real data."""

from __future__ import annotations

from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.nets.spec import CriticSpec, Energy
from gankit.objectives.base import Objective, Phase, StepBatch, Terms

PRETRAIN_PHASE = "pretrain_critic"


def energies(critic: nn.Module, x: Tensor) -> tuple[Tensor, Tensor]:
    """The critic's energy per sample (float32) and its bottleneck codes."""
    energy_and_code = getattr(critic, "energy_and_code", None)
    if energy_and_code is None:
        raise GankitError(f"this objective needs an autoencoder critic, got {type(critic).__name__}")
    return energy_and_code(x)


class EnergyObjective(Objective):
    """Base class: subclasses' Options have `energy` (and optionally `pretrain_critic_steps`)."""

    def critic_spec(self) -> CriticSpec:
        energy: Energy = self.options.energy
        return CriticSpec(kind="autoencoder", energy=energy)

    def phases(self) -> list[Phase]:
        steps = getattr(self.options, "pretrain_critic_steps", 0)
        if steps <= 0:
            return []
        return [Phase(PRETRAIN_PHASE, steps, "critic", self.pretrain_loss, needs_fake=False)]

    def pretrain_loss(self, batch: StepBatch) -> Terms:
        """The autoencoder learns to reconstruct real data alone: minimise E[D(x)]."""
        energy_real, _ = energies(batch.critic, batch.real)
        return Terms({"energy_real": energy_real.mean()})
