"""AC-GAN's auxiliary classifier (Odena, Olah & Shlens 2017) as a wrapper of any conditional
objective whose critic also predicts the class. With L_C = E[log P(C = c | x_real)] +
E[log P(C = c | x_fake)] (eq. 2), the critic maximises L_C along with its own objective and the
generator maximises L_C too (section 3), so both updates gain `weight` times a class
cross-entropy: the critic's on the real and the fake batch (parts "acgan/real", "acgan/fake"), the
generator's on the fake batch.

`critic_fakes=False` trains the critic's classifier on real samples only (its fake part has weight
0: measured, not trained): with the paper's L_C the critic can learn to read a fake's label from
marks the generator leaves for it rather than from the class's looks (measured on Fashion-MNIST:
the critic named 97 % of the fakes' labels while the domain classifier agreed on 35 %)."""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor

from gankit.core.step import CriticOutput, LossPart, Schedule, StepBatch, Terms, TrainingPlan
from gankit.objectives.base import Objective, Wrapper
from gankit.objectives.game import CRITIC, GENERATOR
from gankit.objectives.wrappers import ACGANOptions


class AuxiliaryClassifier(Wrapper):
    settings: ACGANOptions

    def __init__(self, inner: Objective, options: ACGANOptions | None = None) -> None:
        super().__init__(inner, options or ACGANOptions())

    def schedule(self, plan: TrainingPlan) -> Schedule:
        weight = self.settings.weight
        real = LossPart("acgan/real", real_classes, weight)
        fake = LossPart("acgan/fake", fake_classes, weight)
        critic_fake = LossPart("acgan/fake", fake_classes,
                               weight if self.settings.critic_fakes else 0.0)
        added = {CRITIC: (real, critic_fake), GENERATOR: (fake,)}
        return [e.with_parts(*added[e.name]) if e.name in added else e
                for e in self.inner.schedule(plan)]


def real_classes(batch: StepBatch) -> Terms:
    return class_terms(batch.critic_real(), batch.condition_real, "real")


def fake_classes(batch: StepBatch) -> Terms:
    return class_terms(batch.critic_fake(), batch.condition_fake, "fake")


def class_terms(output: CriticOutput, labels: Tensor | None, which: str) -> Terms:
    """The class cross-entropy of one batch (term `class_<which>`) and its accuracy."""
    if output.class_logits is None or labels is None:
        raise ValueError("AC-GAN needs a conditional critic with a class head "
                         "(net_options.conditioning=acgan)")
    logits = output.class_logits.float()
    accuracy = (logits.argmax(dim=1) == labels).float().mean()
    return Terms({f"class_{which}": F.cross_entropy(logits, labels)},
                 {f"class_accuracy_{which}": accuracy})
