"""The R2 regulariser: R1's gradient penalty on the fakes instead of the real samples (Mescheder
et al. 2018, section 4.1; with R1, R3GAN's regularisation, Huang et al. 2024, eq. 4)."""

from __future__ import annotations

from torch import Tensor

from gankit.core.step import StepBatch
from gankit.nets.gradients import critic_input_gradient
from gankit.penalties.base import Penalty


class R2(Penalty):
    # (gamma / 2) E_pG[||grad D(x)||^2]: the engine's weight plays gamma, as for r1.
    recommended_weight = 10.0
    uses_fake = True

    def __call__(self, batch: StepBatch) -> Tensor:
        grad = critic_input_gradient(batch.critic, batch.fake, batch.condition_fake)
        return 0.5 * grad.pow(2).sum(dim=1).mean()
