"""The per-preset summaries the benchmark scripts print with `--presets` (the README's "Results
at a glance" and the head of each docs/results page): one row per preset as shipped, each number
the mean over every run behind it with the range (lowest–highest) beside it, never one run alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def mean_range(values: Sequence[float | None], spec: str = ".1f") -> str:
    """`mean (lowest–highest)`, or the value alone for one run; `–` without values. Infinite
    values are left out of the mean and counted beside it."""
    given = [float(v) for v in values if v is not None]
    finite = [v for v in given if math.isfinite(v)]
    if not finite:
        return "inf" if given else "–"
    mean = format(sum(finite) / len(finite), spec)
    text = mean if len(finite) == 1 else (
        f"{mean} ({format(min(finite), spec)}–{format(max(finite), spec)})")
    return text + ("" if len(finite) == len(given) else f" ({len(given) - len(finite)} inf)")


def linked(name: str, link: str | None) -> str:
    """A preset's name as a Markdown link to its detailed table when `link` is given."""
    return f"[{name}]({link})" if link else name


def seeds(values: Sequence[int]) -> str:
    """Seeds as `0–9` for a run of consecutive ones, `0, 2` otherwise."""
    ordered = sorted(set(values))
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(v) for v in ordered)
