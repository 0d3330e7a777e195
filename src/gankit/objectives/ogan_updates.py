"""O-GAN's correlation term in a schedule, two ways.

Alternating (gankit's game): the inner objective's critic and generator updates each gain
-lambda rho(z, E(G(z))).

Joint, as the author's scripts train (bojone/o-gan): the critic and the generator take one step
together on one batch, with one loss:

- the critic's terms see the fakes with their gradient stopped, so they train the critic only;
- the generator's terms appear as h(D(x_f)) - h(D(sg(x_f))): equal values, so the critic's
  gradients of the two cancel exactly and only the generator's remain;
- the correlation term -lambda rho(z, E(G(z))) reaches both nets, as in the scripts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from torch import Tensor

from gankit.core.errors import GankitError
from gankit.core.step import PerRound, Schedule, StepBatch, Terms, Update
from gankit.objectives.game import CRITIC, GENERATOR, Loss

Correlation = Callable[[Tensor, Tensor], Terms]


def with_correlation(loss: Loss, correlation: Correlation) -> Loss:
    def correlated(batch: StepBatch) -> Terms:
        codes = batch.critic_fake().code  # the wrapped loss reuses this forward pass
        return loss(batch).merge(correlation(batch.z, codes))

    return correlated


def alternating_schedule(entries: Schedule, correlation: Correlation) -> Schedule:
    return [dataclasses.replace(e, loss=with_correlation(e.loss, correlation))
            if e.name in (CRITIC, GENERATOR) else e for e in entries]


def joint_schedule(entries: Schedule, correlation: Correlation) -> Schedule:
    """The schedule with its critic and generator updates merged into one joint update."""
    named = {e.name: e for e in entries}
    critic, generator = named[CRITIC], named[GENERATOR]
    if not isinstance(critic.when, PerRound) or critic.when.times != 1:
        raise GankitError("encoder.update=joint takes one critic update per generator update; "
                          "set n_critic=1 (or encoder.update=alternating)")
    loss = joint_loss(critic.loss, generator.loss, correlation)
    joint = Update("joint", "both", loss, PerRound(1), project=critic.project)
    kept = [e for e in entries if e.name not in (CRITIC, GENERATOR)]
    return [joint, *kept]


def joint_loss(critic_loss: Loss, generator_loss: Loss, correlation: Correlation) -> Loss:
    def loss(batch: StepBatch) -> Terms:
        held = dataclasses.replace(batch, fake=batch.fake.detach(), outputs={})
        critic = critic_loss(held)
        moving, still = generator_loss(batch), generator_loss(held)
        terms = Terms({f"critic_{k}": v for k, v in critic.losses.items()},
                      {f"critic_{k}": v for k, v in critic.stats.items()})
        terms.losses |= {f"generator_{k}": v - still.losses[k] for k, v in moving.losses.items()}
        terms.stats |= {f"generator_{k}": v for k, v in moving.stats.items()}
        return terms.merge(correlation(batch.z, batch.critic_fake().code))

    return loss
