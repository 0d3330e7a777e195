"""SeqGAN's options and its paper's training defaults: plain data, importable without torch so
that the config is checked before anything heavy loads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from gankit.core.checks import require_non_negative, require_unit_interval
from gankit.core.errors import GankitError
from gankit.objectives.defaults import adam


@dataclass
class SeqganOptions:
    rollouts: int = 16  # N in eq. 4
    rollout_rate: float = 0.8  # β ← rate·β + (1 − rate)·θ; 0 rolls out with the current G
    mle_epochs: int = 120  # the official code's PRE_EPOCH_NUM
    # the code's 50 × 3 epochs over real + fresh generated data (with d_negative_sets: sets of
    # negatives, d_epochs epochs each, as the code; without: fresh fakes every step)
    d_pretrain_epochs: int = 150
    head_l2: float = 0.2  # the code's l2_reg_lambda on D's output layer
    mle_eval_epochs: int = 5  # NLL_oracle every 5 MLE epochs, as the code (when eval.every > 0)
    # The official code's discriminator training per generator step: d_negative_sets times,
    # generate as many negatives as there are training sequences, then d_epochs epochs over them
    # (5 and 3). 0 keeps n_critic steps on fresh negatives per generator step instead.
    d_negative_sets: int = 0
    d_epochs: int = 3
    # D's real and fake sequences in one forward pass (`joint`, as the code's mixed batches: half
    # the kernels of a D step on a GPU) or one pass each (`separate`, the reduced schedule's
    # measured runs). The same values; the gradients differ in rounding.
    d_batch: Literal["separate", "joint"] = "separate"

    def __post_init__(self) -> None:
        if self.rollouts < 1:
            raise GankitError(f"objective_options.rollouts must be at least 1, got {self.rollouts}")
        require_unit_interval(self.rollout_rate, "objective_options.rollout_rate")
        for key in ("mle_epochs", "d_pretrain_epochs", "mle_eval_epochs", "d_negative_sets"):
            if getattr(self, key) < 0:
                raise GankitError(f"objective_options.{key} must be 0 or more")
        require_non_negative(self.head_l2, "objective_options.head_l2")
        if self.d_epochs < 1:
            raise GankitError(f"objective_options.d_epochs must be at least 1, got {self.d_epochs}")



def seqgan_training() -> dict[str, Any]:
    """SeqGAN's official code: G Adam 0.01 with global-norm clipping 5.0; D Adam 1e-4, both with
    TensorFlow's Adam defaults (β = 0.9, 0.999). Its 5 × 3 epochs of D per G step are thousands
    of D steps; the presets set what a CPU allows."""
    return {"n_critic": 1, "g_opt": {**adam(0.01, (0.9, 0.999)), "clip_norm": 5.0},
            "d_opt": {**adam(1e-4, (0.9, 0.999)), "clip_norm": 0.0}}
