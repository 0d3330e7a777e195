"""The adversarial game as a schedule: `critic × n_critic` (with the run's penalties), then
`generator × 1`, which reuses the real batch of the last critic update.

Penalties with `every: k` > 1 are lazy (Karras et al. 2020, StyleGAN2, section 3.1): an update of
their own right after every k-th critic update, on that update's real batch, with the weight
multiplied by k so the penalty's average strength is unchanged. (StyleGAN2 also rescales Adam's
learning rate and betas by k/(k+1); gankit leaves the optimiser as configured.)
"""

from __future__ import annotations

from collections.abc import Callable

from torch import nn

from gankit.core.step import (
    Every,
    PerRound,
    Regularizer,
    Schedule,
    StepBatch,
    Terms,
    TrainingPlan,
    Update,
)

Loss = Callable[[StepBatch], Terms]
CRITIC, GENERATOR = "d", "g"


def game(critic_loss: Loss, generator_loss: Loss, plan: TrainingPlan, *,
         critic_times: int | Callable[[int], int] | None = None,
         project: Callable[[nn.Module], None] | None = None) -> Schedule:
    """`critic_times`: critic updates per round (plan.n_critic by default), a number or a function
    of the round; `project` runs on the critic after each of its steps (weight clipping)."""
    eager = [r for r in plan.regularizers if r.every == 1]
    lazy = [r for r in plan.regularizers if r.every > 1]
    times = plan.n_critic if critic_times is None else critic_times
    critic = Update(CRITIC, "critic", with_penalties(critic_loss, eager), PerRound(times),
                    project=project)
    generator = Update(GENERATOR, "generator", generator_loss, real="last")
    return [critic, *(lazy_update(r, project) for r in lazy), generator]


def with_penalties(loss: Loss, regularizers: list[Regularizer]) -> Loss:
    """The critic's loss plus each penalty times its weight, as terms `penalty/<name>`."""
    if not regularizers:
        return loss

    def penalised(batch: StepBatch) -> Terms:
        terms = loss(batch)
        for r in regularizers:
            terms.losses[f"penalty/{r.name}"] = r.weight * r.penalty(batch).float()
        return terms

    return penalised


def lazy_update(r: Regularizer, project: Callable[[nn.Module], None] | None = None) -> Update:
    def penalty(batch: StepBatch) -> Terms:
        return Terms({"penalty": r.weight * r.every * r.penalty(batch).float()})

    return Update(f"lazy_{r.name}", "critic", penalty, Every(r.every, after=CRITIC),
                  optimizer=CRITIC, real="last", fake=r.uses_fake, project=project)
