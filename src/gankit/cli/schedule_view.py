"""`gankit list --schedule`: the schedule a run would follow, resolved from its config: each
update, what it trains, when it runs, what it draws, and the loss parts it sums with their
weights and the code each part runs (module:function), so a reader gets from an update to its
terms."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from gankit.config.load import load_config
from gankit.core.step import BeforeGame, Every, LossPart, PerRound, Update
from gankit.training.build import build_schedule


def print_schedule(source: str, overrides: list[str]) -> int:
    config = load_config(source, overrides)
    wrappers = ", ".join(config.wrappers) or "none"
    print(f"schedule of {source}: objective {config.objective}, wrappers {wrappers}, "
          f"{config.steps} rounds")
    for line in schedule_lines(build_schedule(config)):
        print(line)
    return 0


def schedule_lines(schedule: list[Update]) -> list[str]:
    lines = []
    for entry in schedule:
        lines.append(f"  {entry.name}: trains {entry.trains}, {when_text(entry)}, "
                     f"{draws_text(entry)}{optimizer_text(entry)}")
        if entry.prepare is not None:
            lines.append(f"    first, the batch through {code_of(entry.prepare)}")
        lines.extend(f"    + {part_text(part)}" for part in entry.parts())
        if entry.project is not None:
            lines.append(f"    then, the trained net through {code_of(entry.project)}")
    return lines


def when_text(entry: Update) -> str:
    when = entry.when
    if isinstance(when, BeforeGame):
        return f"{when.steps} steps before the game"
    if isinstance(when, PerRound) and callable(when.times):
        return f"each round, {code_of(when.times)}(round) times"
    if isinstance(when, PerRound):
        return "once a round" if when.times == 1 else f"{when.times} times a round"
    assert isinstance(when, Every)
    if when.k == 1:
        return f"after each run of {when.after}"
    return f"after every {ordinal(when.k)} run of {when.after}"


def draws_text(entry: Update) -> str:
    real = {"fresh": "a fresh real batch", "last": "the last real batch",
            "none": "no real batch"}[entry.real]
    return f"{real}{', G(z)' if entry.fake else ''}"


def optimizer_text(entry: Update) -> str:
    if entry.trains == "nothing":
        return ""
    return f", steps optimiser {' and '.join(entry.optimizer_names())}"


def part_text(part: LossPart) -> str:
    weight = "measured only" if part.weight == 0 else f"x {part.weight:g}"
    return f"{part.name} ({weight}): {code_of(part.terms)}"


def code_of(function: Callable[..., Any]) -> str:
    """Where a part's code is: module:Class.method, module:function or module:Class (a callable
    object)."""
    while isinstance(function, functools.partial) or hasattr(function, "__wrapped__"):
        function = function.func if isinstance(function, functools.partial) \
            else function.__wrapped__
    owner = getattr(function, "__self__", None)
    if owner is not None:
        bound = f"{type(owner).__module__}:{type(owner).__qualname__}.{function.__name__}"
        defined = f"{function.__module__}:{function.__qualname__}"
        inherited = defined != bound
        return f"{bound} (inherited from {defined})" if inherited else bound
    if hasattr(function, "__qualname__"):
        return f"{function.__module__}:{function.__qualname__}"
    return f"{type(function).__module__}:{type(function).__qualname__}"


def ordinal(k: int) -> str:
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"
