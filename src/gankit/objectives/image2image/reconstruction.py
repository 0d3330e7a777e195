"""An autoencoder's point-wise loss joined to a GAN's, as image-to-image models train (pix2pix,
Isola et al. 2017, eq. 4: G* = arg min_G max_D L_cGAN(G, D) + lambda L_L1(G)): the generator
update gains the part "reconstruction/<loss>", weight * the mean L1 (or L2) distance between
each fake and the real target it was generated for. The fakes are generated for the real batch's
own sources (paired data), so fake i's target is real i.

`region: hole` is the context encoder's masked form (Pathak et al. 2016, eq. 1: L_rec =
‖M ⊙ (x − F((1 − M) ⊙ x))‖², M the hole): the distance over the hole of masked sources only,
plus a band of `border` known pixels around it weighted `border_weight` (section 4: the
prediction overlaps the context by 4 pixels, "the loss weight of the overlapping region is 10
times larger"), as a mean over the hole and band's pixels.

`adversarial` weighs the objective's own generator loss; 0 trains the plain autoencoder (the
adversarial loss is then measured, not trained: logged as a statistic), the baseline the field
compares image-to-image GANs with."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import torch.nn.functional as F
from torch import Tensor

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
        distance = LossPart(f"reconstruction/{s.loss}", self.distance(), s.weight)
        return dataclasses.replace(entry, loss=None, extra=(*own, *entry.extra, distance))

    def distance(self) -> Callable[[StepBatch], Terms]:
        s = self.settings
        if s.region == "image":
            return DISTANCES[s.loss]
        return HoleDistance(s.loss, s.border, s.border_weight)


def l1_distance(batch: StepBatch) -> Terms:
    """mean |G(s) - t| over every pixel of the batch (L_L1 of pix2pix's eq. 3)."""
    return Terms({"l1": (batch.fake.float() - batch.real.float()).abs().mean()})


def l2_distance(batch: StepBatch) -> Terms:
    """mean (G(s) - t)^2 over every pixel of the batch."""
    return Terms({"l2": (batch.fake.float() - batch.real.float()).pow(2).mean()})


DISTANCES = {"l1": l1_distance, "l2": l2_distance}


@dataclasses.dataclass(frozen=True)
class HoleDistance:
    """The distance over the holes of masked sources (their last channel, > 0 in a hole) and a
    band of `border` pixels around them weighted `border_weight`: sum(w · d) / (pixels with
    w > 0), d = |G(s) − t| or its square per pixel, w = 1 in a hole and `border_weight` in its
    band (a square dilation of the hole by `border` pixels)."""

    loss: str
    border: int
    border_weight: float

    def __call__(self, batch: StepBatch) -> Terms:
        weights = self.weights(hole_mask(batch))
        error = (batch.fake.float() - batch.real.float())
        error = error.abs() if self.loss == "l1" else error.pow(2)
        weighted = (weights * error).sum()
        pixels = (weights > 0).float().sum() * error.shape[1]
        return Terms({f"hole_{self.loss}": weighted / pixels.clamp(min=1)})

    def weights(self, holes: Tensor) -> Tensor:
        if self.border == 0:
            return holes
        size = 2 * self.border + 1
        grown = F.max_pool2d(holes, size, stride=1, padding=self.border)
        return holes + self.border_weight * (grown - holes)


def hole_mask(batch: StepBatch) -> Tensor:
    """N×1×H×W, 1.0 in the holes of the batch's masked sources (their last channel), else 0."""
    sources = batch.condition_real
    if sources is None or sources.shape[-2:] != batch.real.shape[-2:]:
        raise ValueError("wrappers.reconstruction.region=hole needs masked sources of the "
                         "targets' size (data_options.pairs=mask:...)")
    return (sources[:, -1:] > 0).float()
