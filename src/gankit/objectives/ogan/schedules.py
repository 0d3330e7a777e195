"""O-GAN's correlation part in a schedule, two ways.

Alternating (gankit's game): the inner objective's critic and generator updates each gain the
part -lambda rho(z, E(G(z))).

Joint, as the author's scripts train (bojone/o-gan): the critic and the generator take one step
together on one batch, with one loss of three parts:

- "ogan/critic": the critic update's parts on the batch with the fakes' gradient stopped, so they
  train the critic only;
- "ogan/generator": the generator update's parts as h(D(x_f)) - h(D(sg(x_f))): equal values, so
  the critic's gradients of the two cancel exactly and only the generator's remain;
- "ogan/correlation": -lambda rho(z, E(G(z))), reaching both nets, as in the scripts.
"""

from __future__ import annotations

from gankit.core.errors import GankitError
from gankit.core.step import LossPart, PerRound, Schedule, StepBatch, Terms, Update, sum_parts
from gankit.objectives.game import CRITIC, GENERATOR


def alternating_schedule(entries: Schedule, correlation: LossPart) -> Schedule:
    return [e.with_parts(correlation) if e.name in (CRITIC, GENERATOR) else e for e in entries]


def joint_schedule(entries: Schedule, correlation: LossPart) -> Schedule:
    """The schedule with its critic and generator updates merged into one joint update."""
    named = {e.name: e for e in entries}
    critic, generator = named[CRITIC], named[GENERATOR]
    if not isinstance(critic.when, PerRound) or critic.when.times != 1:
        raise GankitError("wrappers.ogan.schedule=joint takes one critic update per generator "
                          "update; set n_critic=1 (or wrappers.ogan.schedule=alternating)")
    parts = (LossPart("ogan/critic", JointCritic(critic.parts())),
             LossPart("ogan/generator", JointGenerator(generator.parts())), correlation)
    joint = Update("joint", "both", None, PerRound(1), project=critic.project, extra=parts)
    kept = [e for e in entries if e.name not in (CRITIC, GENERATOR)]
    return [joint, *kept]


class JointCritic:
    """The critic update's parts on the batch with the fakes' gradient stopped."""

    def __init__(self, parts: tuple[LossPart, ...]) -> None:
        self.parts = parts

    def __call__(self, batch: StepBatch) -> Terms:
        terms = sum_parts(self.parts, batch.held())
        return Terms({f"critic_{k}": v for k, v in terms.losses.items()},
                     {f"critic_{k}": v for k, v in terms.stats.items()})


class JointGenerator:
    """The generator update's parts, less their value with the fakes' gradient stopped."""

    def __init__(self, parts: tuple[LossPart, ...]) -> None:
        self.parts = parts

    def __call__(self, batch: StepBatch) -> Terms:
        moving, still = sum_parts(self.parts, batch), sum_parts(self.parts, batch.held())
        return Terms({f"generator_{k}": v - still.losses[k] for k, v in moving.losses.items()},
                     {f"generator_{k}": v for k, v in moving.stats.items()})
