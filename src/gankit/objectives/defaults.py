"""Builders for `training_defaults`: the optimiser settings papers publish, as plain data.

Lists rather than tuples so the dicts survive a YAML dump unchanged; each call returns fresh
objects so no two objectives (or two nets) share a mutable list.
"""

from __future__ import annotations

import copy
from typing import Any


def adam(lr: float, betas: tuple[float, float]) -> dict[str, Any]:
    return {"name": "adam", "lr": lr, "betas": list(betas)}


def rmsprop(lr: float) -> dict[str, Any]:
    return {"name": "rmsprop", "lr": lr}


def same_for_both(n_critic: int, optimiser: dict[str, Any]) -> dict[str, Any]:
    """Training defaults where generator and critic use the same optimiser settings."""
    return {
        "n_critic": n_critic,
        "g_opt": copy.deepcopy(optimiser),
        "d_opt": copy.deepcopy(optimiser),
    }


def separate(n_critic: int, generator: dict[str, Any], critic: dict[str, Any]) -> dict[str, Any]:
    """Training defaults where the two nets' optimisers differ."""
    return {"n_critic": n_critic, "g_opt": copy.deepcopy(generator),
            "d_opt": copy.deepcopy(critic)}


def dcgan_training() -> dict[str, Any]:
    """Radford et al. 2016 (DCGAN), §4: Adam, lr 0.0002, beta1 0.5; one critic step per G step."""
    return same_for_both(1, adam(2e-4, (0.5, 0.999)))

