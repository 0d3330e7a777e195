"""An autoencoder's point-wise loss joined to a GAN's, as image-to-image models train (pix2pix,
Isola et al. 2017, eq. 4: G* = arg min_G max_D L_cGAN(G, D) + lambda L_L1(G)): the generator
update gains the part "reconstruction/<loss>", weight * the mean L1 (or L2) distance between
each fake and the real target it was generated for. The fakes are generated for the real batch's
own sources (paired data), so fake i's target is real i.

`adversarial` weighs the objective's own generator loss; 0 trains the plain autoencoder (the
adversarial loss is then measured, not trained: logged as a statistic), the baseline the field
compares image-to-image GANs with."""

from __future__ import annotations

import dataclasses

from gankit.core.step import LossPart, Schedule, StepBatch, Terms, TrainingPlan, Update
from gankit.objectives.base import Objective, Wrapper
from gankit.objectives.game import GENERATOR
from gankit.objectives.wrappers import ReconstructionOptions


class Reconstruction(Wrapper):
    settings: ReconstructionOptions

    def __init__(self, inner: Objective, options: ReconstructionOptions | None = None) -> None:
        super().__init__(inner, options or ReconstructionOptions())

    def schedule(self, plan: TrainingPlan) -> Schedule:
        return [self.reweighted(e) if e.name == GENERATOR else e
                for e in self.inner.schedule(plan)]

    def reweighted(self, entry: Update) -> Update:
        """The generator update: its own loss times `adversarial`, then the reconstruction."""
        s = self.settings
        own = () if entry.loss is None else (LossPart("objective", entry.loss, s.adversarial),)
        distance = LossPart(f"reconstruction/{s.loss}", DISTANCES[s.loss], s.weight)
        return dataclasses.replace(entry, loss=None, extra=(*own, *entry.extra, distance))


def l1_distance(batch: StepBatch) -> Terms:
    """mean |G(s) - t| over every pixel of the batch (L_L1 of pix2pix's eq. 3)."""
    return Terms({"l1": (batch.fake.float() - batch.real.float()).abs().mean()})


def l2_distance(batch: StepBatch) -> Terms:
    """mean (G(s) - t)^2 over every pixel of the batch."""
    return Terms({"l2": (batch.fake.float() - batch.real.float()).pow(2).mean()})


DISTANCES = {"l1": l1_distance, "l2": l2_distance}
