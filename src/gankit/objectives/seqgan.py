"""SeqGAN (Yu et al. 2017): the generator is a policy over tokens, trained by REINFORCE with the
discriminator's P(real) as the reward, and Monte Carlo roll-outs to score unfinished sequences.

Algorithm 1 on the engine: phase `mle` pre-trains G by maximum likelihood; phase `pretrain_d`
pre-trains D on real sequences against fresh generated ones; then each game step takes n_critic
D steps (eq. 5, a fresh generated batch each) and one policy-gradient G step (eq. 7) on a fresh
batch, after which the roll-out policy follows G. D's P(real) is sigmoid(score) (eq. 25).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.objectives.base import Objective, Phase, StepBatch, Terms
from gankit.objectives.checks import require_non_negative
from gankit.objectives.mc_rewards import mc_rewards
from gankit.objectives.policy_gradient import policy_gradient_loss
from gankit.objectives.registry import OBJECTIVES
from gankit.objectives.rollout import RolloutPolicy

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
        if not 0.0 <= self.rollout_rate <= 1.0:
            raise GankitError(f"objective_options.rollout_rate must be in [0, 1], "
                              f"got {self.rollout_rate}")
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


@OBJECTIVES.register("seqgan", "SeqGAN: policy-gradient generator of token sequences, MC "
                               "roll-out rewards (Yu et al. 2017)")
class SeqGAN(Objective):
    Options = SeqganOptions
    data_kinds = ("tokens",)
    training_defaults = seqgan_training()

    def __init__(self, options: SeqganOptions | None = None) -> None:
        super().__init__(options)
        self.rollout = RolloutPolicy(self.options.rollout_rate)
        self.generator: nn.Module | None = None

    def phases(self) -> list[Phase]:
        per_epoch = self.steps_per_epoch()
        o = self.options
        return [
            Phase("mle", o.mle_epochs * per_epoch, "generator", self.mle_loss, needs_fake=False,
                  own_optimizer=True, eval_every=o.mle_eval_epochs * per_epoch),
            Phase("pretrain_d", o.d_pretrain_epochs * per_epoch, "critic", self.critic_loss),
        ]

    def steps_per_epoch(self) -> int:
        if self.plan is None or self.plan.data_size is None:
            raise GankitError("objective 'seqgan' needs a token dataset held in memory")
        return math.ceil(self.plan.data_size / self.plan.batch_size)

    # ---- losses --------------------------------------------------------------------------

    def mle_loss(self, batch: StepBatch) -> Terms:
        """Maximum likelihood: the mean per-token negative log-likelihood of real sequences."""
        return Terms({"nll": -sequence_generator(batch).log_probs(batch.real).mean()})

    def critic_loss(self, batch: StepBatch) -> Terms:
        # Eq. 5: -log D(Y_real) - log(1 - D(Y_fake)), D = sigmoid(score).
        d_real, d_fake = batch.critic(batch.real).float(), batch.critic(batch.fake).float()
        losses = {"real": F.softplus(-d_real).mean(), "fake": F.softplus(d_fake).mean()}
        if self.options.head_l2 > 0:
            losses["l2"] = self.options.head_l2 * head_l2(batch.critic)
        stats = {"p_real": torch.sigmoid(d_real).mean().detach(),
                 "p_fake": torch.sigmoid(d_fake).mean().detach(),
                 "accuracy": ((d_real > 0).float().mean() + (d_fake < 0).float().mean()) / 2}
        return Terms(losses, stats)

    def generator_loss(self, batch: StepBatch) -> Terms:
        generator = sequence_generator(batch)
        self.generator = generator
        policy = self.rollout.ready(generator.lstm)
        with torch.no_grad():
            rewards = mc_rewards(policy, lambda x: prob_real(batch.critic, x), batch.fake,
                                 self.options.rollouts, batch.rng, generator.temperature)
        log_probs = generator.log_probs(batch.fake)
        stats = {"reward": rewards.mean(), "p_fake": rewards[:, -1].mean(),
                 "nll_self": -log_probs.mean().detach()}
        return Terms({"pg": policy_gradient_loss(log_probs, rewards)}, stats)  # eq. 7

    def after_generator_step(self, critic_terms: Terms, generator_terms: Terms) -> None:
        if self.generator is not None:
            self.rollout.update(self.generator.lstm)

    # ---- state ---------------------------------------------------------------------------

    def state_dict(self) -> dict[str, Any]:
        """The roll-out network's tensors once the game has started (nothing before)."""
        rollout = self.rollout.state_dict()
        return {"rollout": rollout} if rollout else {}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.rollout.load_state_dict(state.get("rollout", {}))


def sequence_generator(batch: StepBatch) -> nn.Module:
    generator = batch.generator
    if generator is None or not hasattr(generator, "log_probs") or not hasattr(generator, "lstm"):
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
        scores = [critic(part).float() for part in tokens.split(REWARD_CHUNK)]
    finally:
        critic.train(was_training)
    return torch.sigmoid(torch.cat(scores))
