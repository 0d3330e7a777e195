"""What SeqGAN's losses share: the discriminator's loss (eq. 5), its P(real) for rewards and the
L2 penalty on its output layer (the options and optimiser settings are in options.py)."""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING, cast

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.core.step import Schedule, StepBatch, Terms, TrainingPlan

if TYPE_CHECKING:
    from gankit.nets.seqgan_generator import SequenceGenerator

REWARD_CHUNK = 4096  # sequences per discriminator pass when scoring roll-outs


def sequence_generator(batch: StepBatch) -> SequenceGenerator:
    generator = batch.generator
    if generator is None or not hasattr(generator, "lstm"):
        raise GankitError("objective 'seqgan' trains sequence generators: use net=seqgan")
    # Checked by its `lstm` (duck-typed): the seqgan net family's generator is the one that has it.
    return cast("SequenceGenerator", generator)


def head_l2(critic: nn.Module) -> Tensor:
    """The official code's λ·(l2_loss(W) + l2_loss(b)) on its two-logit output layer, written
    for one logit: its minimum-norm split is ±w/2, so the same penalty is ½·(‖w‖² + b²)/2."""
    head = critic.head
    assert isinstance(head, nn.Linear)  # the seqgan net's score critic (nets.critic.Critic)
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


def discriminator_loss(batch: StepBatch, head_l2_weight: float, joint: bool = False) -> Terms:
    """Eq. 5: -log D(Y_real) - log(1 - D(Y_fake)), D = sigmoid(score), and the code's L2 term;
    `joint` scores both batches in one forward pass."""
    d_real, d_fake = joint_scores(batch) if joint else (batch.critic_real().score.float(),
                                                        batch.critic_fake().score.float())
    losses = {"real": F.softplus(-d_real).mean(), "fake": F.softplus(d_fake).mean()}
    if head_l2_weight > 0:
        losses["l2"] = head_l2_weight * head_l2(batch.critic)
    return Terms(losses, discriminator_stats(d_real, d_fake))


def joint_scores(batch: StepBatch) -> tuple[Tensor, Tensor]:
    """D's scores of the real and the fake batch from one pass over both (SeqGAN is
    unconditional: no labels)."""
    scores = batch.critic(torch.cat([batch.real, batch.fake])).score.float()
    return scores[:len(batch.real)], scores[len(batch.real):]


def with_capturable_critic(entries: Schedule) -> Schedule:
    """D's updates marked capturable: they are the bulk of the official schedule (2355 per
    generator step) and pure tensor work; the roll-outs and G's step stay eager."""
    return [dataclasses.replace(e, capturable=True) if e.trains == "critic" else e
            for e in entries]
