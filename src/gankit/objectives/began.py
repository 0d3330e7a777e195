"""Boundary equilibrium GAN (Berthelot, Schumm & Metz 2017)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch

from gankit.core.errors import GankitError
from gankit.nets.spec import Energy
from gankit.objectives.base import StepBatch, Terms
from gankit.objectives.checks import require_non_negative
from gankit.objectives.defaults import adam, same_for_both
from gankit.objectives.energy import EnergyObjective, energies
from gankit.objectives.registry import OBJECTIVES


@dataclass
class BEGANOptions:
    gamma: float = 0.5  # diversity ratio E[L(G(z))] / E[L(x)] (section 3.2)
    lambda_k: float = 0.001  # proportional gain for k (section 3.3)
    k_init: float = 0.0  # k_0
    energy: Energy = "l1"  # L(v) = |v - D(v)|^eta with eta = 1, averaged over pixels

    def __post_init__(self) -> None:
        for key in ("gamma", "k_init"):
            value = getattr(self, key)
            if not 0.0 <= value <= 1.0:
                raise GankitError(f"objective_options.{key} must be in [0, 1], got {value!r}")
        require_non_negative(self.lambda_k, "objective_options.lambda_k")


@OBJECTIVES.register(
    "began",
    "boundary equilibrium GAN: autoencoder critic balanced by k_t (Berthelot et al. 2017, eq. 4)",
)
class BEGAN(EnergyObjective):
    """Eq. 4: L_D = L(x) - k_t L(G(z_D)); L_G = L(G(z_G));
    k_{t+1} = clip(k_t + lambda_k (gamma L(x) - L(G(z_G))), 0, 1).

    k_t and the convergence measure M = L(x) + |gamma L(x) - L(G(z_G))| (section 3.4.1) are
    logged every step (`g/k`, `g/convergence`) and kept in the checkpoint.
    """

    Options = BEGANOptions
    # Section 4.1: Adam, learning rate 0.0001 (the paper halves it when M stalls; use
    # lr_schedule for a decay); beta1 0.5 as in the widely used reference implementations.
    training_defaults = same_for_both(1, adam(1e-4, (0.5, 0.999)))

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self.k = float(self.options.k_init)
        self.convergence = 0.0

    def critic_loss(self, batch: StepBatch) -> Terms:
        energy_real = energies(batch.critic, batch.real)[0].mean()
        energy_fake = energies(batch.critic, batch.fake)[0].mean()
        losses = {"real": energy_real, "fake": -self.k * energy_fake}
        stats = {"energy_real": energy_real.detach(), "energy_fake": energy_fake.detach()}
        return Terms(losses, stats)

    def generator_loss(self, batch: StepBatch) -> Terms:
        energy_fake = energies(batch.critic, batch.fake)[0].mean()
        return Terms({"adv": energy_fake}, {"energy_fake": energy_fake.detach()})

    def after_generator_step(self, critic_terms: Terms, generator_terms: Terms) -> None:
        energy_real = float(critic_terms.stats["energy_real"])
        balance = self.options.gamma * energy_real - float(generator_terms.stats["energy_fake"])
        self.k = min(max(self.k + self.options.lambda_k * balance, 0.0), 1.0)
        self.convergence = energy_real + abs(balance)
        generator_terms.stats["k"] = torch.tensor(self.k)
        generator_terms.stats["convergence"] = torch.tensor(self.convergence)

    def state_dict(self) -> dict[str, Any]:
        return {"k": self.k, "convergence": self.convergence}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.k = float(state["k"])
        self.convergence = float(state["convergence"])
