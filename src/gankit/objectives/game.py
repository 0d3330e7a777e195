"""The adversarial game as a schedule: `critic × n_critic` (its loss the objective's, then each of
the run's penalties as a part of its own), then `generator × 1`, which reuses the real batch of the
last critic update.

Penalties with `every: k` > 1 are lazy (Karras et al. 2020, StyleGAN2, section 3.1): an update of
their own right after every k-th critic update, on that update's real batch, with the weight
multiplied by k so the penalty's average strength is unchanged. (StyleGAN2 also rescales Adam's
learning rate and betas by k/(k+1); gankit leaves the optimiser as configured.)
"""

from __future__ import annotations

from collections.abc import Callable

from torch import Tensor, nn

from gankit.core.step import (
    Every,
    Loss,
    LossPart,
    PerRound,
    Regularizer,
    Schedule,
    StepBatch,
    Terms,
    TrainingPlan,
    Update,
)

__all__ = ["CRITIC", "GENERATOR", "Loss", "game", "lazy_update", "penalty_part"]

CRITIC, GENERATOR = "critic", "generator"  # the game's two updates, named after what they train


def game(critic_loss: Loss, generator_loss: Loss, plan: TrainingPlan, *,
         critic_times: int | Callable[[int], int] | None = None,
         project: Callable[[nn.Module], None] | None = None) -> Schedule:
    """`critic_times`: critic updates per round (plan.n_critic by default), a number or a function
    of the round; `project` runs on the critic after each of its steps (weight clipping)."""
    eager = tuple(penalty_part(r, f"penalty/{r.name}") for r in plan.regularizers if r.every == 1)
    lazy = [r for r in plan.regularizers if r.every > 1]
    times = plan.n_critic if critic_times is None else critic_times
    critic = Update(CRITIC, "critic", critic_loss, PerRound(times), project=project, extra=eager)
    generator = Update(GENERATOR, "generator", generator_loss, real="last")
    return [critic, *(lazy_update(r, project) for r in lazy), generator]


class PenaltyTerm:
    """A penalty's value on a batch as the loss term `term` (`__wrapped__`: the penalty, for
    readers of the schedule)."""

    def __init__(self, penalty: Callable[[StepBatch], Tensor], term: str) -> None:
        self.__wrapped__, self.term = penalty, term

    def __call__(self, batch: StepBatch) -> Terms:
        return Terms({self.term: self.__wrapped__(batch).float()})


def penalty_part(r: Regularizer, term: str, weight: float | None = None) -> LossPart:
    """The penalty as one part: its value as the term `term`, times its weight."""
    return LossPart(f"penalty/{r.name}", PenaltyTerm(r.penalty, term),
                    r.weight if weight is None else weight)


def lazy_update(r: Regularizer, project: Callable[[nn.Module], None] | None = None) -> Update:
    part = penalty_part(r, "penalty", r.weight * r.every)
    return Update(f"lazy_{r.name}", "critic", None, Every(r.every, after=CRITIC),
                  optimizer="d", real="last", fake=r.uses_fake, project=project, extra=(part,))
