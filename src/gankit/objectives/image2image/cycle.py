"""CycleGAN (Zhu et al. 2017): unpaired translation between a source domain X and a target
domain Y by two generators, G: X → Y and F: Y → X, two critics, D_Y and D_X
(nets.image2image.two_way), and the full objective of eq. 3

    L(G, F, D_X, D_Y) = L_GAN(G, D_Y, X, Y) + L_GAN(F, D_X, Y, X) + λ L_cyc(G, F),
    L_cyc = E_x ‖F(G(x)) − x‖₁ + E_y ‖G(F(y)) − y‖₁                                 (eq. 2)

plus the identity term of section 5.2, λ_idt (E_y ‖G(y) − y‖₁ + E_x ‖F(x) − x‖₁), with λ_idt =
`identity` · λ (the authors' code: 0.5 · λ). L_GAN is the wrapped objective's: its critic loss
judges D_Y on real y against G(x), and D_X on real x against F(y); its generator loss is G's
against D_Y and F's against D_X. The critics learn from the history of fakes (history.py).

The paper trains L_GAN as least squares (objective=lsgan, a=0, b=c=1): G minimises
E[(D(G(x)) − 1)²] while D's loss is halved; gankit's lsgan (Mao et al.'s eq. 2) halves both, so the
cyclegan presets weigh the adversarial parts 2 to keep the paper's balance with λ.

The generator update's parts: "objective" (G's adversarial loss, weight `adversarial`),
"cyclegan/source_adv" (F's, weight `adversarial`), "cyclegan/cycle" (weight λ) and
"cyclegan/identity" (weight λ_idt, when above 0); the critic update's: "objective" (D_Y) and
"cyclegan/source_critic" (D_X). An adversarial weight of 0 trains the cycle and identity terms
alone, whose minimum is G = F = the identity map: the baseline that shows what the critics add.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import torch
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.core.step import LossPart, Schedule, StepBatch, Terms, TrainingPlan, Update
from gankit.nets.image2image.two_way import OneSide
from gankit.objectives.base import Objective, Wrapper
from gankit.objectives.game import CRITIC, GENERATOR
from gankit.objectives.image2image.history import ImageHistory
from gankit.objectives.wrappers import CycleGANOptions

SOURCE = "source_"  # the prefix of the source side's terms (D_X, F)


class CycleGAN(Wrapper):
    settings: CycleGANOptions

    def __init__(self, inner: Objective, options: CycleGANOptions | None = None) -> None:
        super().__init__(inner, options or CycleGANOptions())
        size = self.settings.history
        self.histories = {"target": ImageHistory(size), "source": ImageHistory(size)}

    def schedule(self, plan: TrainingPlan) -> Schedule:
        changed = {CRITIC: self.critic_update, GENERATOR: self.generator_update}
        return [changed[e.name](e) if e.name in changed else e for e in self.inner.schedule(plan)]

    def critic_update(self, entry: Update) -> Update:
        """D_Y's loss on the history of G's fakes, then D_X's on the history of F's."""
        first = entry.prepare
        prepare = self.target_history if first is None else \
            (lambda batch: self.target_history(first(batch)))
        return dataclasses.replace(
            entry, prepare=prepare, capturable=False,
            extra=(*entry.extra, LossPart("cyclegan/source_critic", self.source_critic_terms)))

    def generator_update(self, entry: Update) -> Update:
        s = self.settings
        own = () if entry.loss is None else (LossPart("objective", entry.loss, s.adversarial),)
        parts = [*own, LossPart("cyclegan/source_adv", self.source_generator_terms,
                                s.adversarial), *entry.extra,
                 LossPart("cyclegan/cycle", cycle_terms, s.cycle)]
        if s.identity > 0:
            parts.append(LossPart("cyclegan/identity", identity_terms, s.identity * s.cycle))
        return dataclasses.replace(entry, loss=None, extra=tuple(parts), capturable=False)

    def target_history(self, batch: StepBatch) -> StepBatch:
        fakes = self.histories["target"](batch.fake, batch.rng)
        return dataclasses.replace(batch, fake=fakes, outputs={}, held_copy=None)

    def source_critic_terms(self, batch: StepBatch) -> Terms:
        """The wrapped critic loss on the source side: real x against F(y), from the history."""
        with torch.no_grad():  # the critic update trains no generator
            made = inverse(batch)
        fakes = self.histories["source"](made, batch.rng)
        return prefixed(self.inner.critic_loss(source_side(batch, fakes)))

    def source_generator_terms(self, batch: StepBatch) -> Terms:
        """The wrapped generator loss of F against D_X."""
        return prefixed(self.inner.generator_loss(source_side(batch, inverse(batch))))

    def state_dict(self) -> dict[str, Any]:
        return {"inner": self.inner.state_dict(),
                "history": {side: h.state_dict() for side, h in self.histories.items()}}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        if set(state) != {"inner", "history"} or set(state["history"]) != set(self.histories):
            raise GankitError("the checkpoint holds no CycleGAN state (its histories of fakes)")
        self.inner.load_state_dict(state["inner"])
        for side, history in self.histories.items():
            history.load_state_dict(state["history"][side])


def cycle_terms(batch: StepBatch) -> Terms:
    """‖F(G(x)) − x‖₁ and ‖G(F(y)) − y‖₁, each a mean over pixels (eq. 2)."""
    x, y = batch.condition_real, batch.real
    assert x is not None and batch.generator is not None
    back = batch.generator(batch.z, batch.fake, inverse=True)
    again = batch.generator(batch.z, inverse(batch))
    return Terms({"cycle_source": l1(back, x), "cycle_target": l1(again, y)})


def identity_terms(batch: StepBatch) -> Terms:
    """‖G(y) − y‖₁ and ‖F(x) − x‖₁ (section 5.2): each generator leaves its own domain alone."""
    x, y = batch.condition_real, batch.real
    assert x is not None and batch.generator is not None
    if x.shape[1:] != y.shape[1:]:
        raise GankitError(f"wrappers.cyclegan.identity compares G(y) with y, which needs both "
                          f"domains of one shape, but they are {tuple(x.shape[1:])} and "
                          f"{tuple(y.shape[1:])}; set wrappers.cyclegan.identity=0")
    return Terms({"identity_target": l1(batch.generator(batch.z, y), y),
                  "identity_source": l1(batch.generator(batch.z, x, inverse=True), x)})


def inverse(batch: StepBatch) -> Tensor:
    """F(y) for the batch's real targets, made once per update and shared by its parts."""
    assert batch.generator is not None
    generator = batch.generator
    return batch.once("inverse", lambda: generator(batch.z, batch.real, inverse=True))


def source_side(batch: StepBatch, fakes: Tensor) -> StepBatch:
    """The batch as the source domain sees it: D_X judges real x (the batch's sources) against
    `fakes` from F."""
    assert batch.condition_real is not None
    return dataclasses.replace(batch, critic=OneSide(batch.critic, "source"),
                               real=batch.condition_real, fake=fakes, condition_real=None,
                               condition_fake=None, outputs={}, held_copy=None, made={})


def prefixed(terms: Terms) -> Terms:
    return Terms({SOURCE + k: v for k, v in terms.losses.items()},
                 {SOURCE + k: v for k, v in terms.stats.items()})


def l1(a: Tensor, b: Tensor) -> Tensor:
    return (a.float() - b.float()).abs().mean()
