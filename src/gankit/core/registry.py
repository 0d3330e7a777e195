"""Named registries: objectives, penalties, nets, datasets, extractors. `gankit list` prints them;
errors quote them.

An entry is declared with what the command line and the config need to know without importing
torch (its name, a one-line summary, its Options dataclass and any plain facts); its
implementation, `target` ("package.module:Name"), is imported only when something asks for it.
A target may also be the implementation itself, for one defined where it is declared (a script's
or a test's own objective).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Generic, TypeVar

from gankit.core.errors import GankitError
from gankit.core.options import NoOptions

T = TypeVar("T")


@dataclass(frozen=True)
class Entry(Generic[T]):
    name: str
    summary: str
    target: str | T  # "package.module:Name", imported by `value`; or the implementation
    options: type = NoOptions
    facts: Any = None  # what the registry's package declares beside the options

    @property
    def value(self) -> T:
        """The implementation (imports its module the first time)."""
        if not isinstance(self.target, str):
            return self.target
        module, _, name = self.target.partition(":")
        return getattr(import_module(module), name)


class Registry(Generic[T]):
    """A name → entry table with helpful errors for unknown names."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, Entry[T]] = {}

    def declare(self, name: str, summary: str, target: str | T, options: type = NoOptions,
                facts: Any = None) -> None:
        if name in self._entries:
            raise ValueError(f"{self.kind} {name!r} is registered twice")
        self._entries[name] = Entry(name, summary, target, options, facts)

    def remove(self, name: str) -> None:
        """Forget `name` (a test's or a script's own entry, once it is done with it)."""
        self.entry(name)
        del self._entries[name]

    def entry(self, name: str) -> Entry[T]:
        """The declared entry, without importing its implementation."""
        if name not in self._entries:
            raise GankitError(unknown_name_message(self.kind, name, self.names()))
        return self._entries[name]

    def get(self, name: str) -> T:
        """The implementation of `name`."""
        return self.entry(name).value

    def names(self) -> list[str]:
        return sorted(self._entries)

    def entries(self) -> list[Entry[T]]:
        return [self._entries[n] for n in self.names()]

    def __contains__(self, name: Any) -> bool:
        return name in self._entries


def unknown_name_message(kind: str, name: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(str(name), allowed, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown {kind} {name!r}{hint}; choose one of: {', '.join(allowed)}"
