"""GAN objectives by name: `build_objective("lsgan", {"a": -1, "b": 1, "c": 0})`, and the wrappers
around them: `build_objective("gan-qp", {}, {"ogan": {"weight": 0.5}})`.

Importing this package does not import torch: names, summaries, options and paper defaults come
from registry.py and wrappers.py, and an objective's module is imported when it is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gankit.core.errors import GankitError
from gankit.core.validate import build_dataclass
from gankit.objectives.registry import OBJECTIVES, ObjectiveFacts
from gankit.objectives.wrappers import WRAPPERS, WrapperFacts

if TYPE_CHECKING:
    from gankit.objectives.base import Objective

__all__ = [
    "OBJECTIVES",
    "WRAPPERS",
    "Objective",
    "build_objective",
    "check_data_kind",
    "check_wrapper_data",
    "objective_class",
    "objective_facts",
    "wrapper_facts",
    "wrapper_order",
]


def objective_class(name: str) -> type[Objective]:
    """The registered class; a GankitError listing the names if `name` is unknown."""
    return OBJECTIVES.get(name)


def objective_facts(name: str) -> ObjectiveFacts:
    """What objective `name` declares besides its options (paper defaults, data kinds, ...)."""
    return OBJECTIVES.entry(name).facts


def wrapper_facts(name: str) -> WrapperFacts:
    return WRAPPERS.entry(name).facts


def wrapper_order(names: Mapping[str, Any]) -> list[str]:
    """The configured wrappers in the order they apply (a GankitError for an unknown name)."""
    return sorted(names, key=lambda name: wrapper_facts(name).order)


def build_objective(name: str, options: Mapping[str, Any] | None = None,
                    wrappers: Mapping[str, Mapping[str, Any]] | None = None) -> Objective:
    """Validate `options` against the objective's Options dataclass and build it, then wrap it
    in each of `wrappers` (name -> options) in their declared order."""
    typed: object = build_dataclass(OBJECTIVES.entry(name).options, options,
                                    where="objective_options")
    objective = objective_class(name)(typed)
    for wrapper in wrapper_order(wrappers or {}):
        entry = WRAPPERS.entry(wrapper)
        settings: object = build_dataclass(entry.options, (wrappers or {})[wrapper],
                                           where=f"wrappers.{wrapper}")
        objective = entry.value(objective, settings)
    return objective


def check_wrapper_data(wrappers: Mapping[str, Any], data: str, paired: bool,
                       sources: bool = False, masked: bool = False) -> None:
    """A GankitError when a configured wrapper needs paired data (each fake's target) and `data`
    is not paired, source images (`sources`: paired or unpaired image data) that it lacks, or
    holes (`masked` sources) to measure in."""
    for name, options in wrappers.items():
        holes = wrapper_facts(name).needs_holes
        if holes is not None and holes(options or {}) and not masked:
            raise GankitError(f"wrappers.{name}.region=hole measures inside the holes of masked "
                              f"sources, and {data} has none (set data_options.pairs=mask:...)")
        if wrapper_facts(name).needs_sources and not sources:
            raise GankitError(f"wrappers.{name} translates images of one domain into another, "
                              f"so it needs paired or unpaired image data, and {data} is neither "
                              f"(set data_options.pairs, e.g. pairs=edges unpaired=true, or use "
                              f"data=unpaired:A,B)")
        if wrapper_facts(name).needs_pairs and not paired:
            raise GankitError(f"wrappers.{name} compares each output with its target, so it "
                              f"needs paired data, and {data} is not (set data_options.pairs, "
                              f"e.g. pairs=edges, or use data=paired:SOURCES,TARGETS)")


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
