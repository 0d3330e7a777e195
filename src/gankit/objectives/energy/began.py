"""Boundary equilibrium GAN (Berthelot, Schumm & Metz 2017)."""

from __future__ import annotations

from typing import Any

import torch

from gankit.core.step import Schedule, StepBatch, Terms, TrainingPlan, Update
from gankit.objectives.energy.base import EnergyObjective, energy
from gankit.objectives.energy.options import BEGANOptions
from gankit.objectives.game import CRITIC, GENERATOR, game


class BEGAN(EnergyObjective):
    """Eq. 4: L_D = L(x) - k_t L(G(z_D)); L_G = L(G(z_G)); after both, the `state` update
    k_{t+1} = clip(k_t + lambda_k (gamma L(x) - L(G(z_G))), 0, 1) and the convergence measure
    M = L(x) + |gamma L(x) - L(G(z_G))| (section 3.4.1), logged as state/k, state/convergence.
    Both are float64 tensors on the device (no host sync) and are kept in the checkpoint."""

    Options = BEGANOptions

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self.k = torch.tensor(self.options.k_init, dtype=torch.float64)
        self.convergence = torch.tensor(0.0, dtype=torch.float64)

    def schedule(self, plan: TrainingPlan) -> Schedule:
        k_update = Update("state", "nothing", self.update_k, real="none", fake=False)
        return [*game(self.critic_loss, self.generator_loss, plan), k_update]

    def critic_loss(self, batch: StepBatch) -> Terms:
        energy_real = energy(batch.critic_real()).mean()
        energy_fake = energy(batch.critic_fake()).mean()
        losses = {"real": energy_real, "fake": -self.k.to(energy_fake) * energy_fake}
        stats = {"energy_real": energy_real.detach(), "energy_fake": energy_fake.detach()}
        return Terms(losses, stats)

    def generator_loss(self, batch: StepBatch) -> Terms:
        energy_fake = energy(batch.critic_fake()).mean()
        return Terms({"adv": energy_fake}, {"energy_fake": energy_fake.detach()})

    def update_k(self, batch: StepBatch) -> Terms:
        """The proportional control of k_t from this round's critic and generator energies."""
        energy_real = batch.done[CRITIC].stats["energy_real"].double()
        energy_fake = batch.done[GENERATOR].stats["energy_fake"].double()
        balance = self.options.gamma * energy_real - energy_fake
        self.k = (self.k.to(balance) + self.options.lambda_k * balance).clamp(0.0, 1.0)
        self.convergence = energy_real + balance.abs()
        return Terms({}, {"k": self.k, "convergence": self.convergence})

    def state_dict(self) -> dict[str, Any]:
        return {"k": self.k, "convergence": self.convergence}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.k = torch.as_tensor(state["k"], dtype=torch.float64)
        self.convergence = torch.as_tensor(state["convergence"], dtype=torch.float64)
