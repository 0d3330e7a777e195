"""BEGAN's equilibrium and MAGAN's margin over a run, as a PNG: what the papers describe
(BEGAN section 3.4: k_t settles and the convergence measure M falls as samples improve; MAGAN:
the margin shrinks towards the real data's energy, epoch by epoch).

Reads a run's metrics.jsonl (any run of objective began or magan; the log.every-th steps):
- began: state/k, state/convergence, d/energy_real, d/energy_fake;
- magan: state/margin, d/energy_real, g/energy_fake.

    python benchmarks/equilibrium.py RUN_DIR --out began.png
    python benchmarks/equilibrium.py --train began-ring log.every=25 --out began-ring.png
    python benchmarks/equilibrium.py runs/began --train began-fashion-mnist --out began.png
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

import gankit
from gankit.config.load import load_config
from gankit.viz.curves import line_panels
from gankit.viz.grid import save_png

KEYS = {"began": ("state/k", "state/convergence", "critic/energy_real", "critic/energy_fake"),
        "magan": ("state/margin", "critic/energy_real", "generator/energy_fake")}
OLD_PREFIXES = {"critic/": "d/", "generator/": "g/"}  # runs written before gankit 0.2


def curves(run: Path) -> dict[str, list[tuple[float, float]]]:
    objective = load_config(str(run / "config.yaml"), []).objective
    if objective not in KEYS:
        raise SystemExit(f"{run} trained {objective!r}; this plots began or magan runs")
    lines = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    game = [line for line in lines if "phase" not in line and "event" not in line]
    return {key: [(line["step"], value) for line in game
                  if (value := logged(line, key)) is not None] for key in KEYS[objective]}


def logged(line: dict, key: str) -> float | None:
    """`key`'s value in a metrics line, under its name before gankit 0.2 in older runs."""
    if key in line:
        return line[key]
    prefix = next((p for p in OLD_PREFIXES if key.startswith(p)), None)
    return line.get(OLD_PREFIXES[prefix] + key[len(prefix):]) if prefix else None


def nested(flat: dict[str, str]) -> dict:
    """{"log.every": "10"} → {"log": {"every": 10}}, values read as YAML."""
    tree: dict = {}
    for key, value in flat.items():
        *parents, leaf = key.split(".")
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = yaml.safe_load(value)
    return tree


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", nargs="?", type=Path, help="a began or magan run directory")
    parser.add_argument("--train", nargs="+", metavar="PRESET [KEY=VALUE ...]",
                        help="train this preset first (into RUN_DIR if given)")
    parser.add_argument("--out", type=Path, required=True, help="the PNG to write")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run = args.run
        if args.train:
            preset, *items = args.train
            overrides = nested({"log.progress": "false", "log.tensorboard": "false",
                                **dict(item.split("=", 1) for item in items)})
            run = Path(gankit.train(preset, out=str(args.run or Path(tmp) / "run"), **overrides))
        if run is None:
            parser.error("give a run directory or --train PRESET")
        series = curves(run)
        save_png(line_panels(series), args.out)
    for key, points in series.items():
        if points:
            print(f"{key}: first {points[0][1]:.4g} (step {points[0][0]}), "
                  f"last {points[-1][1]:.4g} (step {points[-1][0]})")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
