"""Conditional generation: does each label give its class, and at what quality?

- the ring (`cgan-ring`, one run per seed): the share of each label's 2500 samples within 3σ of
  that label's mode, all eight labels (the issue's bar: at least 95 % for every label);
- Fashion-MNIST presets trained to their full length (or `--steps`): FID, KID, precision,
  recall on 10k class-balanced samples, intra-FID and class agreement (the domain classifier
  gives a sample the label it was drawn for), all on the domain classifier's features; `ns` is
  the unconditional baseline at the same number of generator steps;
- an independent judge of the same samples: a 5-nearest-neighbour classifier on raw pixels,
  fitted on the 60k training images (no network, nothing shared with the domain classifier);
  `judge_agreement` is how often it gives a sample the label it was drawn for, beside its own
  accuracy on the test split (`judge_test_accuracy`).

    python benchmarks/conditional.py --only cgan-ring --seeds 3
    python benchmarks/conditional.py --only cgan-pd acgan ns --jsonl results.jsonl
    python benchmarks/conditional.py --table-from benchmarks/results/conditional.jsonl
    python benchmarks/conditional.py --presets --table-from benchmarks/results/conditional.jsonl
    python benchmarks/conditional.py --score acgan=RUN_DIR   # score a run trained elsewhere
Needs the classifier once for images: `gankit train-classifier --data fashion-mnist`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from glance import linked, mean_range, seeds
from machines import legend, letter
from saved_rows import add_table_arguments, read_rows

import gankit
from gankit.config.load import load_config
from gankit.data import load_dataset
from gankit.metrics.conditional import near_own_mode
from gankit.metrics.pixel_judge import PixelJudge
from gankit.nets.sampling import balanced_labels, sample_generator
from gankit.training.evaluation.generator import draw_samples, evaluate_generator
from gankit.use.runs import open_generator

ENTRIES = {"cgan-ring": "cgan-ring", "cgan-pd": "cgan-pd-fashion-mnist",
           "acgan": "acgan-fashion-mnist", "ogan-cond": "ogan-cond-fashion-mnist",
           "ns": "ns-fashion-mnist"}
# The rows that measure a conditional preset as shipped (entry → preset); the others are variants
# (acgan-paper-lc, ogan-cond-rmsprop, ns-projection) or the unconditional baseline (ns).
AS_SHIPPED = {"cgan-ring": "cgan-ring", "cgan-pd": "cgan-pd-fashion-mnist",
              "acgan-realonly": "acgan-fashion-mnist", "ogan-cond": "ogan-cond-fashion-mnist"}
IMAGE_COLUMNS = ("fid", "intra_fid", "class_agreement", "judge_agreement", "kid_mean",
                 "precision", "recall")
PER_LABEL = 2500


def train(preset: str, out: Path, seed: int, extra: dict) -> tuple[Path, float]:
    started = time.process_time()
    run = gankit.train(preset, out=str(out), seed=seed, device="cpu",
                       log={"progress": False, "tensorboard": False}, **extra)
    return run, time.process_time() - started


def trained_precision(run: Path) -> str:
    """The precision the run trained in (`auto` resolved), from its config.yaml."""
    return load_config(str(Path(run) / "config.yaml"), []).precision


def ring_scores(run: Path) -> dict:
    """Per label: the share of its samples within 3σ of its own mode."""
    loaded, ring = open_generator(run, device="cpu"), load_dataset("ring")
    shares = []
    for label in range(len(ring.centers)):
        labels = torch.full((PER_LABEL,), label)
        points = sample_generator(loaded.generator, loaded.config.z_dim, PER_LABEL, 1, labels)
        share = near_own_mode(points.numpy(), labels.numpy(), np.asarray(ring.centers),
                              ring.sigma)[label]
        shares.append(round(100.0 * share, 2))
    return {"label_high_quality": shares, "label_high_quality_min": min(shares)}


def image_scores(run: Path, n: int) -> dict:
    loaded = open_generator(run, device="cpu")
    classes = len(loaded.classes) if loaded.classes else 0
    result = evaluate_generator(loaded.generator, loaded.config.z_dim, "fashion-mnist", n,
                                seed=0, classes=classes, split="test")
    if classes:
        labels = balanced_labels(n, classes)
        images = draw_samples(loaded.generator, loaded.config.z_dim, n, 0, labels)
        result |= pixel_judge(images, labels.numpy())
    return {"steps": loaded.step, **result}


def pixel_judge(images: np.ndarray, labels: np.ndarray) -> dict:
    """How often the pixel judge (a 5-NN classifier on the training split's pixels) gives each
    sample its label, and its accuracy on the test split."""
    judge = PixelJudge.for_dataset("fashion-mnist", k=5)
    agreement = float(np.mean(judge.predict(images) == labels))
    return {"judge": "5-NN on pixels", "judge_agreement": agreement,
            "judge_test_accuracy": judge.test_accuracy()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(ENTRIES), default=list(ENTRIES))
    parser.add_argument("--seeds", type=int, default=3, help="ring seeds (images: one)")
    parser.add_argument("--steps", type=int, default=None, help="override the presets' steps")
    parser.add_argument("--precision", default="fp32", choices=["fp32", "bf16", "auto"])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--jsonl", type=Path, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="keep the runs here")
    parser.add_argument("--score", nargs="+", default=None, metavar="ENTRY=RUN_DIR",
                        help="score runs trained elsewhere instead of training")
    add_table_arguments(parser, presets=True)
    args = parser.parse_args(argv)
    if args.table_from:
        rows = read_rows(args.table_from)
        print(preset_table(rows, args.link) if args.presets else table(rows))
        return 0
    torch.set_num_threads(1)
    if args.score:
        return score_given(args.score, args.n, args.jsonl)
    extra = {"precision": args.precision, **({"steps": args.steps} if args.steps else {})}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for entry in args.only:
            seeds = range(args.seeds) if entry == "cgan-ring" else range(1)
            for seed in seeds:
                run, seconds = train(ENTRIES[entry], root / f"{entry}-{seed}", seed, extra)
                scores = ring_scores(run) if entry == "cgan-ring" else image_scores(run, args.n)
                rows.append({"entry": entry, "preset": ENTRIES[entry], "seed": seed,
                             "cpu_seconds": round(seconds, 1),
                             "train_precision": trained_precision(run),
                             **scores})
                print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
                if args.jsonl:
                    with args.jsonl.open("a") as handle:
                        handle.write(json.dumps(rows[-1]) + "\n")
    print(table(rows))
    return 0


def score_given(given: list[str], n: int, jsonl: Path | None) -> int:
    """Score existing runs (entry=run_dir; the entry is a label for the table)."""
    rows = []
    for item in given:
        entry, run = item.split("=", 1)
        loaded = open_generator(run, device="cpu")
        scores = ring_scores(Path(run)) if loaded.config.data == "ring" else image_scores(run, n)
        rows.append({"entry": entry, "preset": loaded.config.preset or entry, "seed":
                     loaded.config.seed, "cpu_seconds": None,
                     "train_precision": loaded.config.precision, **scores})
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        if jsonl:
            with jsonl.open("a") as handle:
                handle.write(json.dumps(rows[-1]) + "\n")
    print(table(rows))
    return 0


def preset_table(rows: list[dict], link: str | None = None) -> str:
    """One row per conditional preset as shipped: the image presets' FID, class agreement and
    recall, and the ring's lowest share of a label's samples within 3σ of its mode, each the
    mean and range over the runs behind it."""
    by_preset: dict[str, list[dict]] = {}
    for row in rows:
        if row["entry"] in AS_SHIPPED:
            by_preset.setdefault(AS_SHIPPED[row["entry"]], []).append(row)
    images = {p: runs for p, runs in by_preset.items() if "extractor" in runs[0]}
    lines = []
    if images:
        lines += ["| preset | runs | seeds | machines | dtype | FID | class agreement | recall |",
                  "|---|---|---|---|---|---|---|---|"]
        for preset, runs in images.items():
            machines = ", ".join(sorted({letter(r["extractor"]) for r in runs}))
            dtypes = ", ".join(sorted({r.get("train_precision", "–") for r in runs}))
            lines.append(
                f"| {linked(preset, link)} | {len(runs)} | {seeds([r['seed'] for r in runs])} | "
                f"{machines} | {dtypes} | {mean_range([r['fid'] for r in runs])} | "
                f"{mean_range([r['class_agreement'] for r in runs], '.3f')} | "
                f"{mean_range([r['recall'] for r in runs], '.3f')} |")
        lines += ["", legend({r["extractor"] for runs in images.values() for r in runs})]
    ring = {p: runs for p, runs in by_preset.items() if p not in images}
    if ring:
        lines += ["" if lines else None,
                  "| preset | runs | seeds | lowest label's % within 3σ of its mode |",
                  "|---|---|---|---|"]
        lines += [f"| {linked(preset, link)} | {len(runs)} | {seeds([r['seed'] for r in runs])}"
                  f" | {mean_range([r['label_high_quality_min'] for r in runs])} |"
                  for preset, runs in ring.items()]
    return "\n".join(line for line in lines if line is not None)


def table(rows: list[dict]) -> str:
    ring = [r for r in rows if r["entry"] == "cgan-ring"]
    images = [r for r in rows if r["entry"] != "cgan-ring"]
    lines = []
    if ring:
        lines += ["| preset | seed | % within 3σ of its mode, labels 0-7 | lowest |",
                  "|---|---|---|---|"]
        lines += [f"| {r['preset']} | {r['seed']} | {' '.join(map(str, r['label_high_quality']))}"
                  f" | {r['label_high_quality_min']} |" for r in ring]
    if images:
        extractors = sorted({r["extractor"] for r in images})
        mixed = len(extractors) > 1
        lines += ["", f"Extractor: {', '.join(extractors)}",
                  "| entry | G steps | CPU min | dtype | " + " | ".join(IMAGE_COLUMNS)
                  + (" | extractor |" if mixed else " |"),
                  "|---|---|---|---|" + "---|" * (len(IMAGE_COLUMNS) + mixed)]
        for r in images:
            cells = " | ".join(f"{r[c]:.3f}" if isinstance(r.get(c), float) else "–"
                               for c in IMAGE_COLUMNS)
            minutes = f"{r['cpu_seconds'] / 60:.1f}" if r.get("cpu_seconds") else "–"
            extractor = f" {r['extractor'].rsplit(':', 1)[-1]} |" if mixed else ""
            lines.append(f"| {r['entry']} | {r['steps']} | {minutes} | "
                         f"{r.get('train_precision', '–')} | {cells} |{extractor}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
