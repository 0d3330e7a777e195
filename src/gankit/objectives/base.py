"""The base of every objective: the (f, g, h) form (docs/architecture.md) plus whatever extra terms its paper adds.

An objective describes its training as a schedule of updates (core.step); by default that is the
adversarial game, `critic × n_critic`, then `generator × 1` (objectives.game). Its losses read
what they need from the critic's output record and return *named* terms that the engine sums,
backpropagates and logs.
"""

from __future__ import annotations

from typing import Any, ClassVar

from torch import Tensor

from gankit.core.options import NoOptions
from gankit.core.step import Schedule, StepBatch, Terms, TrainingPlan
from gankit.nets.spec import CriticSpec
from gankit.objectives.game import game


class Objective:
    """Subclasses set `Options` and implement the two losses; what the config needs to know
    about an objective before building it (its paper's training defaults, the data it takes)
    is declared with its name in objectives.registry."""

    Options: ClassVar[type] = NoOptions

    def __init__(self, options: Any = None) -> None:
        self.options = options if options is not None else self.Options()

    def critic_spec(self) -> CriticSpec:
        """The kind of critic this objective needs (a scalar score unless it says otherwise)."""
        return CriticSpec()

    def schedule(self, plan: TrainingPlan) -> Schedule:
        """The updates this objective trains with (the plain game by default)."""
        return game(self.critic_loss, self.generator_loss, plan)

    def critic_loss(self, batch: StepBatch) -> Terms:
        raise NotImplementedError

    def generator_loss(self, batch: StepBatch) -> Terms:
        raise NotImplementedError

    def state_dict(self) -> dict[str, Any]:
        """Training state that must survive a resume (BEGAN's k_t, MAGAN's margin...)."""
        return {}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        if state:
            raise ValueError(f"{type(self).__name__} has no state, got {sorted(state)}")


class ScoreObjective(Objective):
    """An objective fully described by f, g, h applied to a scalar critic score (docs/architecture.md)."""

    def f(self, d_real: Tensor) -> Tensor:
        raise NotImplementedError

    def g(self, d_fake: Tensor) -> Tensor:
        raise NotImplementedError

    def h(self, d_fake: Tensor) -> Tensor:
        raise NotImplementedError

    def critic_loss(self, batch: StepBatch) -> Terms:
        d_real = batch.critic_real().score.float()
        d_fake = batch.critic_fake().score.float()
        return self.critic_terms(d_real, d_fake, batch)

    def generator_loss(self, batch: StepBatch) -> Terms:
        return self.generator_terms(batch.critic_fake().score.float(), batch)

    def critic_terms(self, d_real: Tensor, d_fake: Tensor, batch: StepBatch) -> Terms:
        """The critic's terms from the scores of the real and the fake batch (the form's f, g).

        Wrappers that compute scores their own way (O-GAN) call this; objectives with extra
        terms (penalties, paired real/fake terms) override it and may use `batch`."""
        losses = {"real": self.f(d_real).mean(), "fake": self.g(d_fake).mean()}
        stats = {"score_real": d_real.mean().detach(), "score_fake": d_fake.mean().detach()}
        return Terms(losses, stats)

    def generator_terms(self, d_fake: Tensor, batch: StepBatch) -> Terms:
        return Terms({"adv": self.h(d_fake).mean()}, {"score_fake": d_fake.mean().detach()})


class Wrapper(Objective):
    """An objective around another (declared in objectives.wrappers): it keeps the inner
    objective's critic, losses and state unless it says otherwise, and adds parts to the
    updates of the inner schedule (`schedule`). `settings` are its own options."""

    def __init__(self, inner: Objective, settings: Any) -> None:
        super().__init__(inner.options)
        self.inner, self.settings = inner, settings

    def critic_spec(self) -> CriticSpec:
        return self.inner.critic_spec()

    def critic_loss(self, batch: StepBatch) -> Terms:
        return self.inner.critic_loss(batch)

    def generator_loss(self, batch: StepBatch) -> Terms:
        return self.inner.generator_loss(batch)

    def state_dict(self) -> dict[str, Any]:
        return self.inner.state_dict()

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.inner.load_state_dict(state)
