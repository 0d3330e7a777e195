"""GAN objectives by name: `build_objective("lsgan", {"a": -1, "b": 1, "c": 0})`.

Importing this package does not import torch: names, summaries, options and paper defaults come
from registry.py, and an objective's module is imported when it is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gankit.core.errors import GankitError
from gankit.core.validate import build_dataclass
from gankit.objectives.registry import OBJECTIVES, ObjectiveFacts

if TYPE_CHECKING:
    from gankit.objectives.base import Objective

__all__ = ["OBJECTIVES", "Objective", "build_objective", "check_data_kind", "objective_class",
           "objective_facts"]


def objective_class(name: str) -> type[Objective]:
    """The registered class; a GankitError listing the names if `name` is unknown."""
    return OBJECTIVES.get(name)


def objective_facts(name: str) -> ObjectiveFacts:
    """What objective `name` declares besides its options (paper defaults, data kinds, ...)."""
    return OBJECTIVES.entry(name).facts


def build_objective(name: str, options: Mapping[str, Any] | None = None, *,
                    encoder_weight: float | None = None, encoder_score: str = "mean",
                    encoder_update: str = "alternating",
                    class_weight: float | None = None,
                    critic_fakes: bool = True) -> Objective:
    """Validate `options` against the objective's Options dataclass and build it; with an
    `encoder_weight` (O-GAN's lambda), wrapped in O-GAN with an encoder critic; with a
    `class_weight`, wrapped in AC-GAN's auxiliary classifier loss."""
    typed = build_dataclass(OBJECTIVES.entry(name).options, options, where="objective_options")
    objective = objective_class(name)(typed)
    if encoder_weight is not None:
        from gankit.objectives.ogan import OGAN

        objective = OGAN(objective, encoder_weight, encoder_score, encoder_update)
    if class_weight is not None:
        from gankit.objectives.acgan import AuxiliaryClassifier

        objective = AuxiliaryClassifier(objective, class_weight, critic_fakes)
    return objective


def check_data_kind(name: str, data: str, kind: str) -> None:
    """A GankitError when objective `name` cannot train on data of `kind`, naming those that can."""
    kinds = objective_facts(name).data_kinds
    if kind in kinds:
        return
    able = [n for n in OBJECTIVES.names() if kind in objective_facts(n).data_kinds]
    hint = f"; for {kind} use objective={' or '.join(able)}" if able else ""
    raise GankitError(f"objective {name!r} trains on {' or '.join(kinds)}, but {data} holds "
                      f"{kind}{hint}")


def __getattr__(name: str) -> Any:
    if name == "Objective":
        from gankit.objectives.base import Objective

        return Objective
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
