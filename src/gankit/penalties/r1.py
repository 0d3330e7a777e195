"""The R1 regulariser (Mescheder et al. 2018, "Which Training Methods for GANs do actually
Converge?")."""

from __future__ import annotations

from torch import Tensor

from gankit.core.step import StepBatch
from gankit.nets.gradients import critic_input_gradient
from gankit.penalties.base import Penalty


class R1(Penalty):
    # Eq. 9 is (gamma / 2) E_pD[||grad D(x)||^2]; gamma is data-dependent (the paper uses 10 on
    # most image sets), so the engine's weight plays gamma and this returns the half-norm term.
    recommended_weight = 10.0

    def __call__(self, batch: StepBatch) -> Tensor:
        grad = critic_input_gradient(batch.critic, batch.real, batch.condition_real)
        return 0.5 * grad.pow(2).sum(dim=1).mean()
