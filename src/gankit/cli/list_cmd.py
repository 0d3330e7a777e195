"""`gankit list`: every registered name (objectives, wrappers, penalties, nets, datasets, feature
extractors, presets), one line each; `gankit list --schedule PRESET [key=value ...]`: the schedule
a run would follow."""

from __future__ import annotations

import argparse

from gankit.config.presets import preset_names, preset_summary
from gankit.core.registry import Registry
from gankit.data import DATASETS
from gankit.metrics.extractors import EXTRACTORS
from gankit.nets import NETS
from gankit.objectives import OBJECTIVES, WRAPPERS
from gankit.penalties import PENALTIES


def run(args: argparse.Namespace) -> int:
    if args.schedule:
        from gankit.cli.schedule_view import print_schedule

        return print_schedule(args.schedule, args.items)
    if args.items:
        from gankit.core.errors import GankitError

        raise GankitError("key=value overrides go with --schedule PRESET")
    sections: list[tuple[str, list[tuple[str, str]]]] = [
        (title, _rows(registry))
        for title, registry in (("objectives", OBJECTIVES), ("wrappers", WRAPPERS),
                                ("penalties", PENALTIES),
                                ("nets", NETS), ("datasets", DATASETS),
                                ("feature extractors", EXTRACTORS))
    ]
    sections.append(("presets", [(name, preset_summary(name)) for name in preset_names()]))
    for title, rows in sections:
        print(f"{title}:")
        width = max((len(name) for name, _ in rows), default=0)
        for name, summary in rows:
            print(f"  {name:<{width}}  {summary}")
    return 0


def _rows(registry: Registry) -> list[tuple[str, str]]:
    return [(entry.name, entry.summary) for entry in registry.entries()]
