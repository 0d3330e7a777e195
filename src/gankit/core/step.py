"""The step types every layer shares: what a critic returns, what an update sees and returns, and
the schedule of updates an objective describes (docs/architecture.md, "A step").

An objective does not drive the loop; it lists its updates. Each `Update` names the net it trains
(or "both" with one loss, or "nothing": a measurement or a state change), the parts its loss sums
(the objective's own loss, then each penalty's and each wrapper's term, with their weights), the
optimiser it steps and when it runs: `BeforeGame(n)` (pre-training), `PerRound(n)` with n a number or a function of the round
(the game's generator step count), or `Every(k, after=name)` (on every k-th run of another
update: lazy regularisation, diagnostics). The engine runs the before-game updates in order,
then rounds of the per-round updates in order, each followed by the updates that follow it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import torch
from torch import Tensor, nn

Trains = Literal["critic", "generator", "both", "nothing"]
RealData = Literal["fresh", "last", "none"]
Loss = Callable[["StepBatch"], "Terms"]


@dataclass
class CriticOutput:
    """What a critic's forward returns. `score` is the per-sample value (N,) that objectives and
    penalties use. Autoencoder critics give their `energy` (the reconstruction error, which is
    also their score) and bottleneck `code`; encoder critics give the code E(x); critics with an
    auxiliary classifier give its logits."""

    score: Tensor
    code: Tensor | None = None
    energy: Tensor | None = None
    class_logits: Tensor | None = None  # AC-GAN critics: N×classes


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

    def weighted(self, weight: float) -> Terms:
        """The losses times `weight`; with weight 0 they are only measured (logged as
        statistics, after the part's own)."""
        if weight == 0:
            return Terms({}, {**self.stats, **self.losses})
        if weight == 1:
            return self
        return Terms({k: weight * v for k, v in self.losses.items()}, self.stats)


@dataclass(frozen=True)
class LossPart:
    """One named part of an update's loss: `terms(batch)` with its losses times `weight`.
    `name` says where it comes from: "objective", "penalty/<name>", "<wrapper>/<term>"."""

    name: str
    terms: Loss
    weight: float = 1.0

@dataclass
class StepBatch:
    """One update's tensors and nets. `fake` is detached unless the update trains the generator;
    `real`, `fake` and `z` are empty for updates that draw no data; `round` is the index of the
    round of the game the update runs in (0 before the game). `condition_real` is what the
    data handed over with the real samples (their classes) and `condition_fake` what the fakes
    were drawn for (None when unconditional). `done` holds the latest terms of each update that
    ran in this round."""

    critic: nn.Module
    real: Tensor
    fake: Tensor
    z: Tensor
    round: int
    rng: torch.Generator  # for any randomness an objective needs (resumable)
    generator: nn.Module | None = None
    condition_real: Tensor | None = None
    condition_fake: Tensor | None = None
    done: Mapping[str, Terms] = field(default_factory=dict)
    outputs: dict[str, CriticOutput] = field(default_factory=dict, repr=False)
    held_copy: StepBatch | None = field(default=None, repr=False, compare=False)
    made: dict[str, Tensor] = field(default_factory=dict, repr=False)

    def once(self, key: str, make: Callable[[], Tensor]) -> Tensor:
        """A tensor several parts of an update need (CycleGAN's F(y)): made by the first part
        that asks, under that part's precision and gradient mode, and shared with the rest."""
        if key not in self.made:
            self.made[key] = make()
        return self.made[key]

    def critic_real(self) -> CriticOutput:
        """D(real, condition_real); one forward pass per batch, reused by later calls (so make the
        first call where its gradient is needed)."""
        if "real" not in self.outputs:
            self.outputs["real"] = self.critic(self.real, self.condition_real)
        return self.outputs["real"]

    def critic_fake(self) -> CriticOutput:
        """D(fake, condition_fake), computed once per batch like critic_real."""
        if "fake" not in self.outputs:
            self.outputs["fake"] = self.critic(self.fake, self.condition_fake)
        return self.outputs["fake"]

    def held(self) -> StepBatch:
        """This batch with the fakes' gradient stopped (sg(x_f)) and critic outputs of its own;
        made once, so every part that asks shares its forward passes."""
        if self.held_copy is None:
            self.held_copy = dataclasses.replace(self, fake=self.fake.detach(), outputs={},
                                                 held_copy=None)
        return self.held_copy


@dataclass(frozen=True)
class Probe:
    """Fixed inputs for diagnostics: samples the run does not train on and a latent batch (with
    the real samples' labels and the labels to generate for, in conditional runs)."""

    real: Tensor
    z: Tensor
    condition_real: Tensor | None = None
    condition_fake: Tensor | None = None


@dataclass(frozen=True)
class Regularizer:
    """A penalty on the critic with its weight; `every` > 1 runs it lazily (StyleGAN2): on every
    k-th critic update only, as an update of its own, with its weight multiplied by k."""

    name: str
    weight: float
    penalty: Callable[[StepBatch], Tensor]
    every: int = 1
    uses_fake: bool = True


@dataclass(frozen=True)
class TrainingPlan:
    """What an objective may need to know about the run to write its schedule."""

    batch_size: int
    steps: int  # rounds of the game (generator updates)
    data_size: int | None = None  # items in the training set; None for sources drawn fresh
    n_critic: int = 1
    regularizers: tuple[Regularizer, ...] = ()
    log_every: int = 50
    probe: Callable[[int], Probe] | None = None  # n held-out samples and a fixed z batch


@dataclass(frozen=True)
class BeforeGame:
    """Run `steps` times before the game starts (pre-training, a measuring pass)."""

    steps: int


@dataclass(frozen=True)
class PerRound:
    """Run `times` times in each round, or `times(round)` times when it is a function."""

    times: int | Callable[[int], int] = 1

    def count(self, round_index: int) -> int:
        return self.times(round_index) if callable(self.times) else self.times


@dataclass(frozen=True)
class Every:
    """Run right after every k-th run of the update named `after`."""

    k: int
    after: str


@dataclass(frozen=True)
class Update:
    """One entry of a schedule.

    Its loss is the sum of its `parts()`: `loss` (the objective's own, when it has one) and then
    `extra` (penalties' and wrappers' terms, added by whoever builds the schedule); `sum_parts`
    adds them up, and the engine backpropagates the total.

    `optimizer`: "d" or "g" (the run's two), or a name of its own: a separate optimiser with the
    settings of the net it trains. `real`: a fresh real batch, the last one drawn, or none;
    `fake`: G(z) for this update (with gradient when it trains the generator). `project` runs on
    the trained net after its optimiser step (WGAN's weight clipping). `eval_every`: before the
    game, evaluate the generator every so many runs when the run evaluates at all. `prepare`
    adds inputs of the objective's own to the drawn batch before the loss (SeqGAN's next batch of
    negatives). `capturable`: the loss is tensor work on the batch's tensors alone (no host
    reads, no `done`, no generator of its own but torch's default), so with `cuda_graphs` on a
    CUDA device the update (loss, backward, optimiser steps) is replayed as a CUDA graph.
    """

    name: str  # metrics are logged under this prefix
    trains: Trains
    loss: Loss | None  # the objective's own part; None when the update is its extra parts only
    when: BeforeGame | PerRound | Every = PerRound()
    optimizer: str = ""  # "" means "d" for the critic, "g" for the generator
    real: RealData = "fresh"
    fake: bool = True
    project: Callable[[nn.Module], None] | None = None
    eval_every: int = 0
    prepare: Callable[[StepBatch], StepBatch] | None = None
    capturable: bool = False
    extra: tuple[LossPart, ...] = ()

    def parts(self) -> tuple[LossPart, ...]:
        own = (LossPart("objective", self.loss),) if self.loss is not None else ()
        return own + self.extra

    def with_parts(self, *parts: LossPart) -> Update:
        """This update with `parts` added after its own."""
        return dataclasses.replace(self, extra=self.extra + parts)

    def optimizer_name(self) -> str:
        return self.optimizer or {"critic": "d", "generator": "g"}.get(self.trains, "")

    def trained(self) -> tuple[str, ...]:
        """The nets this update steps: ("critic",), ("generator",), both or none."""
        return {"critic": ("critic",), "generator": ("generator",),
                "both": ("critic", "generator")}.get(self.trains, ())

    def optimizer_names(self) -> tuple[str, ...]:
        """The optimisers it steps (an update that trains both steps "d" and "g")."""
        return ("d", "g") if self.trains == "both" else (self.optimizer_name(),)


Schedule = list[Update]


def sum_parts(parts: tuple[LossPart, ...], batch: StepBatch) -> Terms:
    """Every part's terms, weighted, in order: the terms an update backpropagates and logs."""
    terms = Terms()
    for part in parts:
        terms = terms.merge(part.terms(batch).weighted(part.weight))
    return terms
