"""SeqGAN (Yu et al. 2017): G is a policy over tokens trained by REINFORCE, with D's P(real) =
sigmoid(score) (eq. 25) as the reward and Monte Carlo roll-outs. Algorithm 1 as a schedule: `mle`
(its own Adam), `pretrain_critic`, then rounds of D steps (eq. 5; negatives.py for the official
sets) and one policy-gradient G step (eq. 7), after which `rollout` moves G_β towards G."""

from __future__ import annotations

from typing import Any

import torch

from gankit.core.step import BeforeGame, Schedule, StepBatch, Terms, TrainingPlan, Update
from gankit.objectives.base import Objective
from gankit.objectives.game import game
from gankit.objectives.seqgan import parts
from gankit.objectives.seqgan.negatives import OfficialSchedule
from gankit.objectives.seqgan.options import SeqganOptions
from gankit.objectives.seqgan.policy_gradient import policy_gradient_loss
from gankit.objectives.seqgan.rewards import mc_rewards
from gankit.objectives.seqgan.rollout import RolloutPolicy


class SeqGAN(Objective):
    Options = SeqganOptions

    def __init__(self, options: SeqganOptions | None = None) -> None:
        super().__init__(options)
        self.rollout = RolloutPolicy(self.options.rollout_rate)
        o = self.options
        self.official = OfficialSchedule(o.d_negative_sets, o.d_epochs) \
            if o.d_negative_sets else None  # D's sets of negatives and epochs, as the code

    def schedule(self, plan: TrainingPlan) -> Schedule:
        epoch, o = parts.steps_per_epoch(plan), self.options
        return parts.with_capturable_critic([
            # MLE is tensor work on real batches too: 18,840 steps in the Table 1 run
            Update("mle", "generator", self.mle_loss, BeforeGame(o.mle_epochs * epoch),
                   optimizer="mle", fake=False, eval_every=o.mle_eval_epochs * epoch,
                   capturable=True),
            Update("pretrain_critic", "critic", self.critic_loss, BeforeGame(o.d_pretrain_epochs * epoch),
                   **(self.official.pretraining(plan) if self.official else {})),
            *(self.official.game(self.critic_loss, self.generator_loss, plan) if self.official
              else game(self.critic_loss, self.generator_loss, plan)),
            Update("rollout", "nothing", self.follow, real="none", fake=False)])

    def mle_loss(self, batch: StepBatch) -> Terms:
        """Maximum likelihood: the mean per-token negative log-likelihood of real sequences."""
        return Terms({"nll": -parts.sequence_generator(batch)(None, tokens=batch.real).mean()})

    def critic_loss(self, batch: StepBatch) -> Terms:
        return parts.discriminator_loss(batch, self.options.head_l2,  # eq. 5
                                        joint=self.options.d_batch == "joint")

    def generator_loss(self, batch: StepBatch) -> Terms:
        generator = parts.sequence_generator(batch)
        policy = self.rollout.ready(generator.lstm)
        with torch.no_grad():
            rewards = mc_rewards(policy, lambda x: parts.prob_real(batch.critic, x), batch.fake,
                                 self.options.rollouts, batch.rng, generator.temperature)
        log_probs = generator(None, tokens=batch.fake)
        stats = {"reward": rewards.mean(), "p_fake": rewards[:, -1].mean(),
                 "nll_self": -log_probs.mean().detach()}
        return Terms({"pg": policy_gradient_loss(log_probs, rewards)}, stats)  # eq. 7

    def follow(self, batch: StepBatch) -> Terms:
        """G_β moves towards G after each generator step."""
        self.rollout.update(parts.sequence_generator(batch).lstm)
        return Terms()

    def state_dict(self) -> dict[str, Any]:  # the roll-out net and the sets of negatives in use
        state = {"rollout": self.rollout.state_dict(),
                 **(self.official.state_dict() if self.official else {})}
        return {k: v for k, v in state.items() if v}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.rollout.load_state_dict(state.get("rollout", {}))
        if self.official:
            self.official.load_state_dict(state)
