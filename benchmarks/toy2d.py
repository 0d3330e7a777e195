"""Mode coverage of every objective on the 2D ring and grid (VEEGAN / PacGAN protocol).

Each (objective, dataset) pair trains its preset `<objective>-<data>` once per seed, draws 2500
samples and scores them: modes captured, % high-quality samples (within 3σ of a mode) and
KL(mode histogram ‖ uniform). The table gives mean ± standard error over seeds.

    python benchmarks/toy2d.py                          # all objectives, ring + grid, 10 seeds
    python benchmarks/toy2d.py --objectives ns wgan-gp --data ring --seeds 3
    python benchmarks/toy2d.py --objectives ebgan ebgan-no-pt --data ring   # the PT ablation
    python benchmarks/toy2d.py --objectives wgan --data ring --first-seed 2 --seeds 8 --jsonl r.jsonl
    python benchmarks/toy2d.py --table-from ring.jsonl grid.jsonl   # the table of saved results
    python benchmarks/toy2d.py --presets --table-from ring.jsonl    # one row per preset
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path

import torch
from glance import linked, mean_range, seeds
from saved_rows import add_table_arguments, read_rows

import gankit
from gankit.data import load_dataset
from gankit.metrics.modes import mode_coverage

OBJECTIVES = ["minimax", "ns", "lsgan", "wgan", "wgan-gp", "hinge", "ebgan", "magan", "began",
              "loss-sensitive", "gan-qp"]
# Variants isolate one change against an objective's preset: label → (objective, overrides).
VARIANTS: dict[str, tuple[str, dict]] = {
    "ebgan-no-pt": ("ebgan", {"objective_options": {"pt_weight": 0.0}}),
    # the authors' released code's critic schedule instead of Algorithm 1's fixed n_critic (the
    # wgan presets' until 2026-12-04)
    "wgan-released": ("wgan", {"objective_options": {"critic_schedule": "reference"}}),
}
PUBLISHED = {  # (ring modes, ring % HQ, ring KL, grid modes, grid % HQ, grid KL)
    "GAN (VEEGAN Table 1)": ("1", "99.3", "", "3.3", "0.5", ""),
    "VEEGAN (VEEGAN Table 1)": ("8", "52.9", "", "24.6", "40", ""),
    "PacGAN4 (PacGAN Table 1)": ("7.8", "95.9", "0.07", "24.8", "93.6", "0.04"),
    "WGAN-GP (GDPP)": ("6.8", "59.6", "", "24.2", "28.7", ""),
}


def run_one(objective: str, data: str, seed: int, steps: int | None, root: Path,
            precision: str = "fp32") -> dict:
    base, extra = VARIANTS.get(objective, (objective, {}))
    overrides = {"seed": seed, "out": str(root / f"{objective}-{data}-{seed}"), "device": "cpu",
                 "precision": precision, "log": {"progress": False, "tensorboard": False},
                 **extra}
    if steps:
        overrides["steps"] = steps
    started = time.perf_counter()
    run = gankit.train(f"{base}-{data}", **overrides)
    seconds = time.perf_counter() - started
    source = load_dataset(data)
    points = gankit.sample(run, n=2500, seed=1000 + seed, device="cpu").numpy()
    score = mode_coverage(points, source.centers.numpy(), source.sigma)
    return {"objective": objective, "data": data, "seed": seed, "seconds": seconds,
            "precision": precision, **score.as_dict()}


def latest_per_seed(results: list[dict]) -> list[dict]:
    """One row per (objective, data, seed): a later row (a rerun after a preset changed) wins."""
    rows = {(r["objective"], r["data"], r["seed"]): r for r in results}
    return list(rows.values())


def mean_se(values: list[float]) -> str:
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return "inf"
    mean = sum(finite) / len(finite)
    if len(finite) < 2:
        return f"{mean:.2f}"
    var = sum((v - mean) ** 2 for v in finite) / (len(finite) - 1)
    return f"{mean:.2f} ± {math.sqrt(var / len(finite)):.2f}" + (
        "" if len(finite) == len(values) else f" ({len(values) - len(finite)} inf)")


def table(results: list[dict], datasets: list[str]) -> str:
    header = "| objective | seeds | " + " | ".join(
        f"{d} modes | {d} % HQ | {d} KL" for d in datasets) + " | s/run |"
    lines = [header, "|" + "---|" * (3 + 3 * len(datasets))]
    for objective in dict.fromkeys(r["objective"] for r in results):
        cells, seconds, seeds = [], [], set()
        for data in datasets:
            rows = [r for r in results if r["objective"] == objective and r["data"] == data]
            seconds += [r["seconds"] for r in rows]
            seeds.add(str(len(rows)))
            for key in ("modes", "high_quality", "kl"):
                cells.append(mean_se([float(r[key]) for r in rows]) if rows else "")
        lines.append(f"| gankit {objective} | {'/'.join(sorted(seeds))} | " + " | ".join(cells) +
                     f" | {sum(seconds) / max(len(seconds), 1):.0f} |")
    for name, row in PUBLISHED.items():
        picked = [row[:3] if d == "ring" else row[3:] for d in datasets]
        lines.append(f"| {name} | | " + " | ".join(c for cells in picked for c in cells) + " | |")
    return "\n".join(lines)


def preset_table(results: list[dict], datasets: list[str], link: str | None = None) -> str:
    """One row per preset as shipped (`<objective>-<data>`; the variants left out): its runs
    (seeds) and the mean and range of modes captured and % high quality over them."""
    lines = ["| preset | runs | seeds | modes | % high quality |", "|---|---|---|---|---|"]
    for data in datasets:
        for objective in OBJECTIVES:
            rows = [r for r in results if r["objective"] == objective and r["data"] == data]
            if rows:
                total = rows[0]["total_modes"]
                lines.append(
                    f"| {linked(f'{objective}-{data}', link)} | {len(rows)} | "
                    f"{seeds([r['seed'] for r in rows])} | "
                    f"{mean_range([r['modes'] for r in rows])} of {total} | "
                    f"{mean_range([r['high_quality'] for r in rows])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objectives", nargs="+", default=OBJECTIVES,
                        choices=OBJECTIVES + list(VARIANTS))
    parser.add_argument("--data", nargs="+", default=["ring", "grid"], choices=["ring", "grid"])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--first-seed", type=int, default=0,
                        help="run seeds first-seed … first-seed+seeds−1 (to add seeds to a table)")
    parser.add_argument("--steps", type=int, default=None, help="override the presets' steps")
    parser.add_argument("--precision", default="fp32", choices=["fp32", "bf16", "auto"],
                        help="fp32 (default) keeps results comparable across machines")
    parser.add_argument("--jsonl", type=Path, default=None, help="also append each result here")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch CPU threads (1 is fastest for these small nets; run ring and "
                             "grid as two processes to use two cores)")
    # --table-from: a later row for the same objective, data and seed replaces an earlier one
    add_table_arguments(parser, presets=True)
    args = parser.parse_args(argv)
    if args.table_from:
        results = latest_per_seed(read_rows(args.table_from))
        datasets = [d for d in args.data if any(r["data"] == d for r in results)]
        print(preset_table(results, datasets, args.link) if args.presets
              else table(results, datasets))
        return 0
    torch.set_num_threads(args.threads)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for objective in args.objectives:
            for data in args.data:
                for seed in range(args.first_seed, args.first_seed + args.seeds):
                    result = run_one(objective, data, seed, args.steps, Path(tmp),
                                     args.precision)
                    results.append(result)
                    print(json.dumps(result), file=sys.stderr, flush=True)
                    if args.jsonl:
                        with args.jsonl.open("a") as handle:
                            handle.write(json.dumps(result) + "\n")
    print(f"Command: python benchmarks/toy2d.py {' '.join(sys.argv[1:])}".rstrip())
    print(table(results, args.data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
