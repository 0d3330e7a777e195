"""SeqGAN's options, the official code's optimiser settings, and what its losses share: the
discriminator's P(real) for rewards and the L2 penalty on its output layer."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import torch
from torch import Tensor, nn

from gankit.core.checks import require_non_negative, require_unit_interval
from gankit.core.errors import GankitError
from gankit.core.step import StepBatch, TrainingPlan

REWARD_CHUNK = 4096  # sequences per discriminator pass when scoring roll-outs


@dataclass
class SeqganOptions:
    rollouts: int = 16  # N in eq. 4
    rollout_rate: float = 0.8  # β ← rate·β + (1 − rate)·θ; 0 rolls out with the current G
    mle_epochs: int = 120  # the official code's PRE_EPOCH_NUM
    d_pretrain_epochs: int = 150  # the code's 50 × 3 epochs over real + fresh generated data
    head_l2: float = 0.2  # the code's l2_reg_lambda on D's output layer
    mle_eval_epochs: int = 5  # NLL_oracle every 5 MLE epochs, as the code (when eval.every > 0)

    def __post_init__(self) -> None:
        if self.rollouts < 1:
            raise GankitError(f"objective_options.rollouts must be at least 1, got {self.rollouts}")
        require_unit_interval(self.rollout_rate, "objective_options.rollout_rate")
        for key in ("mle_epochs", "d_pretrain_epochs", "mle_eval_epochs"):
            if getattr(self, key) < 0:
                raise GankitError(f"objective_options.{key} must be 0 or more")
        require_non_negative(self.head_l2, "objective_options.head_l2")


def adam(lr: float, clip_norm: float = 0.0) -> dict[str, Any]:
    """TensorFlow's Adam defaults (β = 0.9, 0.999), as the official code uses them."""
    return {"name": "adam", "lr": lr, "betas": [0.9, 0.999], "clip_norm": clip_norm}


def seqgan_training() -> dict[str, Any]:
    """The official code: G Adam 0.01 with global-norm clipping 5.0; D Adam 1e-4. Its 5 × 3
    epochs of D per G step are thousands of D steps; the presets set what a CPU allows."""
    return {"n_critic": 1, "g_opt": adam(0.01, 5.0), "d_opt": adam(1e-4)}


def sequence_generator(batch: StepBatch) -> nn.Module:
    generator = batch.generator
    if generator is None or not hasattr(generator, "lstm"):
        raise GankitError("objective 'seqgan' trains sequence generators: use net=seqgan")
    return generator


def head_l2(critic: nn.Module) -> Tensor:
    """The official code's λ·(l2_loss(W) + l2_loss(b)) on its two-logit output layer, written
    for one logit: its minimum-norm split is ±w/2, so the same penalty is ½·(‖w‖² + b²)/2."""
    head = critic.head
    return 0.5 * (head.weight.float().pow(2).sum() + head.bias.float().pow(2).sum()) / 2


@torch.no_grad()
def prob_real(critic: nn.Module, tokens: Tensor) -> Tensor:
    """D's P(real) = sigmoid(score), with dropout off (the code's keep_prob 1.0 for rewards)."""
    was_training = critic.training
    critic.eval()
    try:
        scores = [critic(part).score.float() for part in tokens.split(REWARD_CHUNK)]
    finally:
        critic.train(was_training)
    return torch.sigmoid(torch.cat(scores))


def steps_per_epoch(plan: TrainingPlan) -> int:
    if plan.data_size is None:
        raise GankitError("objective 'seqgan' needs a token dataset held in memory")
    return math.ceil(plan.data_size / plan.batch_size)


def discriminator_stats(d_real: Tensor, d_fake: Tensor) -> dict[str, Tensor]:
    """Mean P(real) of the real and fake batches and the accuracy at threshold 1/2."""
    return {"p_real": torch.sigmoid(d_real).mean().detach(),
            "p_fake": torch.sigmoid(d_fake).mean().detach(),
            "accuracy": ((d_real > 0).float().mean() + (d_fake < 0).float().mean()) / 2}
