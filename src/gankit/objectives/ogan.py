"""O-GAN (Su 2019): any scalar-score objective with an encoder critic.

The critic is D(x) = avg(E(x)) (or T(E(x))) with E(x) of z's size, and both losses gain
-lambda * rho(z, E(G(z))), the Pearson correlation between each z and its re-encoding (eq. 4).
The wrapped objective computes its own terms from the scores, so penalties, paired terms
(GAN-QP) and weight clipping work unchanged.
"""

from __future__ import annotations

from typing import Any

from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.nets.encoding import reconstruct
from gankit.nets.spec import CriticSpec
from gankit.objectives.base import (
    Objective,
    Phase,
    Probe,
    ScoreObjective,
    StepBatch,
    Terms,
    TrainingPlan,
)
from gankit.objectives.correlation import pearson

PROBE_SIZE = 256


class OGAN(Objective):
    probe_size = PROBE_SIZE
    def __init__(self, inner: Objective, weight: float, score: str = "mean") -> None:
        if not isinstance(inner, ScoreObjective):
            raise GankitError(f"encoder.enabled needs an objective with a scalar score; "
                              f"{type(inner).__name__} has a critic of another kind")
        super().__init__(inner.options)
        self.inner, self.weight, self.score = inner, weight, score
        self.training_defaults = inner.training_defaults

    def critic_spec(self) -> CriticSpec:
        return CriticSpec(kind="encoder", score=self.score)  # type: ignore[arg-type]

    def critic_loss(self, batch: StepBatch) -> Terms:
        critic = batch.critic
        codes_fake = critic.encode(batch.fake)
        d_real = critic.score(critic.encode(batch.real)).float()
        terms = self.inner.critic_terms(d_real, critic.score(codes_fake).float(), batch)
        return terms.merge(self.correlation_terms(batch.z, codes_fake))

    def generator_loss(self, batch: StepBatch) -> Terms:
        codes_fake = batch.critic.encode(batch.fake)
        terms = self.inner.generator_terms(batch.critic.score(codes_fake).float(), batch)
        return terms.merge(self.correlation_terms(batch.z, codes_fake))

    def correlation_terms(self, z: Tensor, codes: Tensor) -> Terms:
        rho = pearson(z, codes).mean()
        losses = {"correlation": -self.weight * rho} if self.weight > 0 else {}
        return Terms(losses, {"rho": rho.detach()})

    def diagnostics(self, generator: nn.Module, critic: nn.Module, probe: Probe) -> dict[str, Tensor]:
        """rho on a fixed z batch, and the mean absolute error of G(𝒩(E(x))) on held-out real
        samples in [0, 1] intensity units (half the error in the [-1, 1] data range)."""
        rho = pearson(probe.z, critic.encode(generator(probe.z))).mean()
        error = (reconstruct(generator, critic, probe.real) - probe.real).abs().mean() / 2
        return {"heldout_rho": rho, "heldout_recon_error": error}

    # Everything else is the wrapped objective's.
    def bind(self, plan: TrainingPlan) -> None:
        super().bind(plan)
        self.inner.bind(plan)

    def phases(self) -> list[Phase]:
        return self.inner.phases()

    def after_critic_step(self, critic: Any) -> None:
        self.inner.after_critic_step(critic)

    def after_generator_step(self, critic_terms: Terms, generator_terms: Terms) -> None:
        self.inner.after_generator_step(critic_terms, generator_terms)

    def state_dict(self) -> dict[str, Any]:
        return self.inner.state_dict()

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.inner.load_state_dict(state)
