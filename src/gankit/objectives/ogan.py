"""O-GAN (Su 2019): any scalar-score objective with an encoder critic, D(x) = avg(E(x)) (or
T(E(x))) with E(x) of z's size; the critic's and the generator's updates gain -lambda * rho(z,
E(G(z))), the Pearson correlation of each z with its re-encoding (eq. 4). The wrapped objective
keeps its schedule, so penalties, paired terms and weight clipping work unchanged."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import torch

from gankit.core.errors import GankitError
from gankit.core.step import Every, Probe, Schedule, StepBatch, Terms, TrainingPlan, Update
from gankit.nets.encoding import reconstruct
from gankit.nets.sampling import evaluation_mode
from gankit.nets.spec import CriticSpec
from gankit.objectives.base import Objective, ScoreObjective
from gankit.objectives.correlation import pearson
from gankit.objectives.game import GENERATOR
from gankit.objectives.ogan_updates import (
    alternating_schedule,
    joint_schedule,
    with_correlation,
)

PROBE_SIZE = 256


class OGAN(Objective):
    def __init__(self, inner: Objective, weight: float, score: str = "mean",
                 update: str = "alternating") -> None:
        if not isinstance(inner, ScoreObjective):
            raise GankitError(f"encoder.enabled needs an objective with a scalar score, not "
                              f"{type(inner).__name__}")
        super().__init__(inner.options)
        self.inner, self.weight, self.score, self.update = inner, weight, score, update
        self.probe: Probe | None = None

    def critic_spec(self) -> CriticSpec:  # E(x) of z's size, scored by its mean or a head
        return CriticSpec(kind="encoder", score=self.score)  # type: ignore[arg-type]

    def schedule(self, plan: TrainingPlan) -> Schedule:
        """The inner schedule with the correlation term in its critic and generator updates,
        and held-out diagnostics after every log.every-th generator update."""
        arrange = joint_schedule if self.update == "joint" else alternating_schedule
        entries = arrange(self.inner.schedule(plan), self.correlation_terms)
        diag = Update("diag", "nothing", partial(self.diagnostics, probe=plan.probe),
                      Every(plan.log_every, GENERATOR), real="none", fake=False)
        return entries + ([diag] if plan.probe else [])

    def critic_loss(self, batch: StepBatch) -> Terms:
        return with_correlation(self.inner.critic_loss, self.correlation_terms)(batch)

    def generator_loss(self, batch: StepBatch) -> Terms:
        return with_correlation(self.inner.generator_loss, self.correlation_terms)(batch)

    def correlation_terms(self, z: torch.Tensor, codes: torch.Tensor) -> Terms:
        rho = pearson(z, codes).mean()
        losses = {"correlation": -self.weight * rho} if self.weight > 0 else {}
        return Terms(losses, {"rho": rho.detach()})

    def diagnostics(self, batch: StepBatch, probe: Callable[[int], Probe]) -> Terms:
        """rho on a fixed z batch, and the mean absolute error of G(𝒩(E(x))) on held-out real
        samples in [0, 1] intensity units (half the error in the [-1, 1] data range)."""
        p = self.probe = self.probe or probe(PROBE_SIZE)
        generator, critic = batch.generator, batch.critic
        with torch.no_grad(), evaluation_mode(generator, critic):
            rho = pearson(p.z, critic(generator(p.z, p.labels_fake), p.labels_fake).code).mean()
            error = (reconstruct(generator, critic, p.real, labels=p.labels_real) - p.real).abs()
        return Terms({}, {"heldout_rho": rho, "heldout_recon_error": error.mean() / 2})

    def state_dict(self) -> dict[str, Any]:
        return self.inner.state_dict()

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.inner.load_state_dict(state)
