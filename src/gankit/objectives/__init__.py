"""GAN objectives by name: `build_objective("lsgan", {"a": -1, "b": 1, "c": 0})`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gankit.core.validate import build_dataclass
from gankit.objectives import (  # noqa: F401  (importing registers them)
    began,
    ebgan,
    gan_qp,
    hinge,
    loss_sensitive,
    lsgan,
    magan,
    minimax,
    non_saturating,
    seqgan,
    wgan,
    wgan_gp,
)
from gankit.objectives.base import Objective
from gankit.objectives.registry import OBJECTIVES

__all__ = ["OBJECTIVES", "Objective", "build_objective", "objective_class"]


def objective_class(name: str) -> type[Objective]:
    """The registered class; a GankitError listing the names if `name` is unknown."""
    return OBJECTIVES.get(name)


def build_objective(name: str, options: Mapping[str, Any] | None = None) -> Objective:
    """Validate `options` against the objective's Options dataclass and build it."""
    cls = objective_class(name)
    return cls(build_dataclass(cls.Options, options, where="objective_options"))
