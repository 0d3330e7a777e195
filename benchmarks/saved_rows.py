"""What every benchmark script that keeps its results does the same way: the `--table-from`
options that print tables from saved jsonl rows (and `--presets`, `--link` for the one-row-per-
preset summaries), and reading those rows."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path


def add_table_arguments(parser: argparse.ArgumentParser, presets: bool = False) -> None:
    parser.add_argument("--table-from", type=Path, nargs="+", default=None, metavar="JSONL",
                        help="run nothing: print the table of the rows saved with --jsonl")
    if presets:
        parser.add_argument("--presets", action="store_true",
                            help="with --table-from: one row per preset as shipped, the mean "
                                 "and range over the runs behind it")
        parser.add_argument("--link", default=None,
                            help="with --presets: link each preset's name to this detailed table")


def read_rows(paths: Sequence[Path]) -> list[dict]:
    """Every row of the jsonl files, in order."""
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines if line.strip())
    return rows
