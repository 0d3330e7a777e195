"""Relativistic objectives (Jolicoeur-Martineau 2019, "The relativistic discriminator"): the
critic judges real and fake samples against each other, so each loss scores both batches.

RSGAN, the relativistic standard GAN (section 4.1, eqs. 5-6), pairs real sample i with fake
sample i: with C the critic's raw score and σ the sigmoid,

    L_D = -E[log σ(C(x_r) - C(x_f))] = E[softplus(-(C(x_r) - C(x_f)))]
    L_G = -E[log σ(C(x_f) - C(x_r))] = E[softplus(-(C(x_f) - C(x_r)))]

which is also R3GAN's relativistic pairing loss, RpGAN (Huang et al. 2024, eq. 2, f = softplus
of the negative), the objective R3GAN regularises with R1 and R2 (penalties r1, r2).

RaSGAN, the relativistic average standard GAN (section 4.2), as ESRGAN trains its
super-resolution generator: the critic judges
whether a real sample is more realistic than the average fake, and a fake less realistic than the
average real; the generator the reverse. With C the critic's raw score and σ the sigmoid,

    L_D = -E_r[log σ(C(x_r) - E_f C(x_f))] - E_f[log(1 - σ(C(x_f) - E_r C(x_r)))]
    L_G = -E_f[log σ(C(x_f) - E_r C(x_r))] - E_r[log(1 - σ(C(x_r) - E_f C(x_f)))]

(-log σ(a) = softplus(-a), -log(1 - σ(a)) = softplus(a)). The averages are over the batch, per
patch for a patch critic. Both losses score real and fake together, so the generator's update
reads the critic on the real batch too (its gradient reaches G only through the fakes)."""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor

from gankit.core.step import StepBatch, Terms
from gankit.objectives.base import Objective


class RelativisticStandard(Objective):
    def critic_loss(self, batch: StepBatch) -> Terms:
        real, fake = scores(batch)
        return Terms({"pair": F.softplus(-(real - fake)).mean()}, statistics(real, fake))

    def generator_loss(self, batch: StepBatch) -> Terms:
        real, fake = scores(batch)
        return Terms({"pair": F.softplus(-(fake - real)).mean()}, statistics(real, fake))


class RelativisticAverage(Objective):
    def critic_loss(self, batch: StepBatch) -> Terms:
        real, fake = scores(batch)
        losses = {"real": F.softplus(-(real - fake.mean(0))).mean(),
                  "fake": F.softplus(fake - real.mean(0)).mean()}
        return Terms(losses, statistics(real, fake))

    def generator_loss(self, batch: StepBatch) -> Terms:
        real, fake = scores(batch)
        losses = {"fake": F.softplus(-(fake - real.mean(0))).mean(),
                  "real": F.softplus(real - fake.mean(0)).mean()}
        return Terms(losses, statistics(real, fake))


def scores(batch: StepBatch) -> tuple[Tensor, Tensor]:
    return batch.critic_real().score.float(), batch.critic_fake().score.float()


def statistics(real: Tensor, fake: Tensor) -> dict[str, Tensor]:
    return {"score_real": real.mean().detach(), "score_fake": fake.mean().detach()}
