"""O-GAN (Su 2019): any scalar-score objective with an encoder critic, D(x) = avg(E(x)) (or
T(E(x))) with E(x) of z's size; the critic's and the generator's updates gain -lambda * rho(z,
E(G(z))), the Pearson correlation of each z with its re-encoding (eq. 4), as a part of their loss
named "ogan/correlation". The wrapped objective keeps its schedule, so penalties, paired terms and
weight clipping work unchanged."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import torch

from gankit.core.errors import GankitError
from gankit.core.step import (
    Every,
    LossPart,
    Probe,
    Schedule,
    StepBatch,
    Terms,
    TrainingPlan,
    Update,
    sum_parts,
)
from gankit.nets.encoding import reconstruct
from gankit.nets.sampling import evaluation_mode
from gankit.nets.spec import CriticSpec
from gankit.objectives.base import Objective, ScoreObjective, Wrapper
from gankit.objectives.game import GENERATOR
from gankit.objectives.ogan.correlation import pearson
from gankit.objectives.ogan.schedules import alternating_schedule, joint_schedule
from gankit.objectives.wrappers import OGANOptions

PROBE_SIZE = 256


class OGAN(Wrapper):
    settings: OGANOptions

    def __init__(self, inner: Objective, options: OGANOptions | None = None) -> None:
        if not isinstance(inner, ScoreObjective):
            raise GankitError(f"wrapper ogan needs an objective with a scalar score, not "
                              f"{type(inner).__name__}")
        super().__init__(inner, options or OGANOptions())
        self.probe: Probe | None = None

    def critic_spec(self) -> CriticSpec:  # E(x) of z's size, scored by its mean or a head
        return CriticSpec(kind="encoder", score=self.settings.score)

    def correlation_part(self) -> LossPart:
        return LossPart("ogan/correlation", self.correlation, self.settings.weight)

    def schedule(self, plan: TrainingPlan) -> Schedule:
        """The inner schedule with the correlation part in its critic and generator updates,
        and held-out diagnostics after every log.every-th generator update."""
        arrange = joint_schedule if self.settings.schedule == "joint" else alternating_schedule
        entries = arrange(self.inner.schedule(plan), self.correlation_part())
        if not plan.probe:
            return entries
        diag = Update("diag", "nothing", partial(self.diagnostics, probe=plan.probe),
                      Every(plan.log_every, GENERATOR), real="none", fake=False)
        return entries + [diag]

    def critic_loss(self, batch: StepBatch) -> Terms:
        parts = (LossPart("objective", self.inner.critic_loss), self.correlation_part())
        return sum_parts(parts, batch)

    def generator_loss(self, batch: StepBatch) -> Terms:
        parts = (LossPart("objective", self.inner.generator_loss), self.correlation_part())
        return sum_parts(parts, batch)

    @staticmethod
    def correlation(batch: StepBatch) -> Terms:
        """-rho(z, E(G(z))) averaged over the batch (its weight is lambda), and rho itself."""
        code = batch.critic_fake().code
        assert code is not None  # an encoder critic (critic_spec) always gives E(x)
        rho = pearson(batch.z, code).mean()
        return Terms({"correlation": -rho}, {"rho": rho.detach()})

    def diagnostics(self, batch: StepBatch, probe: Callable[[int], Probe]) -> Terms:
        """rho on a fixed z batch, and the mean absolute error of G(𝒩(E(x))) on held-out real
        samples in [0, 1] intensity units (half the error in the [-1, 1] data range)."""
        p = self.probe = self.probe or probe(PROBE_SIZE)
        generator, critic = batch.generator, batch.critic
        assert generator is not None  # the engine passes it to every update
        with torch.no_grad(), evaluation_mode(generator, critic):
            rho = pearson(p.z, critic(generator(p.z, p.condition_fake), p.condition_fake).code).mean()
            error = (reconstruct(generator, critic, p.real, labels=p.condition_real) - p.real).abs()
        return Terms({}, {"heldout_rho": rho, "heldout_recon_error": error.mean() / 2})
