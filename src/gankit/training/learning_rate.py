"""Learning-rate schedules, computed from the step alone (so resuming needs no extra state).

`linear` decays both learning rates linearly to 0 at the last step, as in the WGAN-GP authors'
code; `step` multiplies them by `decay` at each milestone step (the BEGAN paper halves its rate
when the convergence measure stalls); `constant` leaves them alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch


def lr_factor(schedule: str, step: int, total_steps: int,
              milestones: Sequence[int] = (), decay: float = 0.5) -> float:
    if schedule == "linear":
        return max(0.0, 1.0 - step / max(total_steps, 1))
    if schedule == "step":
        return decay ** sum(step >= milestone for milestone in milestones)
    return 1.0


def apply_lr(optimizer: torch.optim.Optimizer, base_lr: float, factor: float) -> None:
    for group in optimizer.param_groups:
        group["lr"] = base_lr * factor
