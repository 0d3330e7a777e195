"""What an objective sees on each step and what it returns.

An objective is design.md's (f, g, h) plus whatever extra terms its paper adds. It calls the critic
itself, so it can ask for scores, energies or codes, and it returns *named* loss terms that the
engine sums, backpropagates and logs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import torch
from torch import Tensor, nn

from gankit.core.options import NoOptions
from gankit.nets.spec import CriticSpec


@dataclass
class StepBatch:
    """One step's tensors. On critic steps `fake` is detached; on generator steps it carries grad."""

    critic: nn.Module
    real: Tensor
    fake: Tensor
    z: Tensor
    step: int
    rng: torch.Generator  # for any randomness the objective needs (resumable)
    generator: nn.Module | None = None  # for objectives that query G beyond G(z) (SeqGAN)


@dataclass
class Terms:
    """Named loss terms (summed into the loss) and named statistics (only logged)."""

    losses: dict[str, Tensor] = field(default_factory=dict)
    stats: dict[str, Tensor] = field(default_factory=dict)

    def total(self) -> Tensor:
        if not self.losses:
            return torch.zeros(())
        return torch.stack([v.float() for v in self.losses.values()]).sum()

    def merge(self, other: Terms) -> Terms:
        return Terms({**self.losses, **other.losses}, {**self.stats, **other.stats})

    def scalars(self, prefix: str) -> dict[str, float]:
        named = {**self.losses, **self.stats}
        return {f"{prefix}/{k}": float(v.detach()) for k, v in named.items()}


@dataclass(frozen=True)
class TrainingPlan:
    """What an objective may need to know about the run before it starts."""

    batch_size: int
    steps: int  # adversarial generator steps
    data_size: int | None  # items in the training set; None for sources drawn fresh (2D mixtures)


@dataclass(frozen=True)
class Phase:
    """Steps before the adversarial game that train one net alone (e.g. critic pre-training).

    The engine runs each phase's `steps` in order, then the game. `loss` sees the usual
    StepBatch: `fake` is detached, and empty (no rows) when `needs_fake` is false. A phase that
    trains "nothing" only measures (under no_grad); its terms are statistics.
    `own_optimizer`: the phase steps a separate optimizer built from the same settings, so the
    game's starts fresh (SeqGAN's MLE and policy-gradient Adams are separate).
    `eval_every`: evaluate the generator every so many steps of the phase (and at its end) when
    the run evaluates at all (eval.every > 0); 0 never does.
    """

    name: str  # metrics are logged under this prefix
    steps: int
    trains: Literal["critic", "generator", "nothing"]
    loss: Callable[[StepBatch], Terms]
    needs_fake: bool = True
    own_optimizer: bool = False
    eval_every: int = 0


@dataclass(frozen=True)
class Probe:
    """Fixed inputs for diagnostics, the same at every call: real samples the run does not train
    on (the test split when the dataset has one) and a latent batch."""

    real: Tensor
    z: Tensor


class Objective:
    """Base class. Subclasses set `Options` and `training_defaults` and implement the two losses."""

    Options: ClassVar[type] = NoOptions
    data_kinds: ClassVar[tuple[str, ...]] = ("points", "images")  # what it can train on
    # The paper's training hyperparameters (n_critic, g_opt, d_opt, penalties, ...), merged under
    # whatever the preset and the command line say.
    training_defaults: ClassVar[dict[str, Any]] = {}
    # Samples in the Probe that diagnostics() receives; 0 means the objective logs no diagnostics.
    probe_size: ClassVar[int] = 0

    def __init__(self, options: Any = None) -> None:
        self.options = options if options is not None else self.Options()
        self.plan: TrainingPlan | None = None

    def critic_spec(self) -> CriticSpec:
        """The kind of critic this objective needs (a scalar score unless it says otherwise)."""
        return CriticSpec()

    def bind(self, plan: TrainingPlan) -> None:
        """Called once before training with what the run looks like."""
        self.plan = plan

    def phases(self) -> list[Phase]:
        """Pre-training phases run before the adversarial game (none by default)."""
        return []

    def critic_loss(self, batch: StepBatch) -> Terms:
        raise NotImplementedError

    def generator_loss(self, batch: StepBatch) -> Terms:
        raise NotImplementedError

    def diagnostics(self, generator: nn.Module, critic: nn.Module, probe: Probe) -> dict[str, Tensor]:
        """Measurements on fixed inputs, every log.every steps (nets in eval mode, no grad)."""
        return {}

    def after_critic_step(self, critic: nn.Module) -> None:
        """Hook after each critic optimiser step (weight clipping lives here)."""

    def after_generator_step(self, critic_terms: Terms, generator_terms: Terms) -> None:
        """Hook after each generator step (state updates such as BEGAN's k_t live here)."""

    def state_dict(self) -> dict[str, Any]:
        """Training state that must survive a resume (BEGAN's k_t, MAGAN's margin...)."""
        return {}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        if state:
            raise ValueError(f"{type(self).__name__} has no state, got {sorted(state)}")


class ScoreObjective(Objective):
    """An objective fully described by f, g, h applied to a scalar critic score (design.md)."""

    def f(self, d_real: Tensor) -> Tensor:
        raise NotImplementedError

    def g(self, d_fake: Tensor) -> Tensor:
        raise NotImplementedError

    def h(self, d_fake: Tensor) -> Tensor:
        raise NotImplementedError

    def critic_loss(self, batch: StepBatch) -> Terms:
        d_real = batch.critic(batch.real).float()
        d_fake = batch.critic(batch.fake).float()
        return self.critic_terms(d_real, d_fake, batch)

    def generator_loss(self, batch: StepBatch) -> Terms:
        return self.generator_terms(batch.critic(batch.fake).float(), batch)

    def critic_terms(self, d_real: Tensor, d_fake: Tensor, batch: StepBatch) -> Terms:
        """The critic's terms from the scores of the real and the fake batch (design.md's f, g).

        Wrappers that compute scores their own way (O-GAN) call this; objectives with extra
        terms (penalties, paired real/fake terms) override it and may use `batch`."""
        losses = {"real": self.f(d_real).mean(), "fake": self.g(d_fake).mean()}
        stats = {"score_real": d_real.mean().detach(), "score_fake": d_fake.mean().detach()}
        return Terms(losses, stats)

    def generator_terms(self, d_fake: Tensor, batch: StepBatch) -> Terms:
        return Terms({"adv": self.h(d_fake).mean()}, {"score_fake": d_fake.mean().detach()})
