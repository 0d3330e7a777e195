"""GAN objectives by name: `build_objective("lsgan", {"a": -1, "b": 1, "c": 0})`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gankit.core.errors import GankitError
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
from gankit.objectives.acgan import AuxiliaryClassifier
from gankit.objectives.base import Objective
from gankit.objectives.ogan import OGAN
from gankit.objectives.registry import OBJECTIVES

__all__ = ["OBJECTIVES", "Objective", "build_objective", "check_data_kind", "objective_class"]


def objective_class(name: str) -> type[Objective]:
    """The registered class; a GankitError listing the names if `name` is unknown."""
    return OBJECTIVES.get(name)


def build_objective(name: str, options: Mapping[str, Any] | None = None, *,
                    encoder_weight: float | None = None, encoder_score: str = "mean",
                    class_weight: float | None = None) -> Objective:
    """Validate `options` against the objective's Options dataclass and build it; with an
    `encoder_weight` (O-GAN's lambda), wrapped in O-GAN with an encoder critic; with a
    `class_weight`, wrapped in AC-GAN's auxiliary classifier loss."""
    cls = objective_class(name)
    objective = cls(build_dataclass(cls.Options, options, where="objective_options"))
    if encoder_weight is not None:
        objective = OGAN(objective, encoder_weight, encoder_score)
    if class_weight is not None:
        objective = AuxiliaryClassifier(objective, class_weight)
    return objective


def check_data_kind(name: str, objective: Objective, data: str, kind: str) -> None:
    """A GankitError when objective `name` cannot train on data of `kind`, naming those that can."""
    if kind in objective.data_kinds:
        return
    able = [n for n in OBJECTIVES.names() if kind in OBJECTIVES.get(n).data_kinds]
    hint = f"; for {kind} use objective={' or '.join(able)}" if able else ""
    raise GankitError(f"objective {name!r} trains on {' or '.join(objective.data_kinds)}, but "
                      f"{data} holds {kind}{hint}")
