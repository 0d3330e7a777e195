"""O-GAN on Fashion-MNIST: is the critic a usable encoder, and does the correlation term cost
sample quality? Compares the `ogan-fashion-mnist` preset (lambda = 0.5) with the same run at
lambda = 0 (same encoder critic, no correlation term), each trained for the same CPU budget.

For each run it reports:
- rho: mean Pearson correlation between z and E(G(z)) on 10k held-out z (seed 123);
- reconstruction of the 10k test images, x̂ = G(t · 𝒩(E(x))) for t = 1 and 0.9: mean absolute
  pixel error (in [0, 1] units), and how often the domain classifier gives x̂ the label it gives
  x (and the true label);
- sample quality: FID, KID, precision, recall of 10k samples vs the test split (domain classifier).

A conditional run (ogan-cond-fashion-mnist) draws z with class-balanced labels for rho and the
samples, reconstructs each test image with its true label, and adds intra-FID and class agreement.

    python benchmarks/ogan.py --minutes 12
    python benchmarks/ogan.py --runs on=RUN_DIR off=RUN_DIR      # score runs trained elsewhere
    python benchmarks/ogan.py --runs cond=RUN_DIR --only-given   # any names; skip training
    python benchmarks/ogan.py --table-from benchmarks/results/ogan-full.jsonl   # saved rows
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from fmnist import train_for
from machines import legend, letter
from saved_rows import add_table_arguments, read_rows

from gankit.data.pictures import images_hwc
from gankit.metrics.extractors import build_extractor
from gankit.nets.encoding import encode
from gankit.nets.sampling import balanced_labels, evaluation_mode, latent_batch
from gankit.objectives.ogan.correlation import pearson
from gankit.training.evaluation.generator import evaluate_generator
from gankit.use.encoding import open_encoder_run, real_images, reconstruct_images
from gankit.use.runs import TrainedGenerator

VARIANTS = {"on": {}, "off": {"wrappers": {"ogan": {"weight": 0.0}}}}
PRESET = "ogan-fashion-mnist"


@torch.no_grad()
def heldout_rho(run: TrainedGenerator, n: int = 10000) -> float:
    z = latent_batch(n, run.config.z_dim, 123, torch.device("cpu"))
    labels = balanced_labels(n, len(run.classes)) if run.classes else None
    parts = labels.split(500) if labels is not None else [None] * len(z.split(500))
    with evaluation_mode(run.generator, run.critic):
        values = [pearson(part, encode(run.critic, run.generator(part, y), y))
                  for part, y in zip(z.split(500), parts)]
    return float(torch.cat(values).mean())


def reconstruction(run: TrainedGenerator, temperature: float) -> dict:
    real = real_images(run, split="test")
    rebuilt = reconstruct_images(run, real.images, temperature, real.labels)
    classifier = build_extractor("domain-classifier", "fashion-mnist")
    label_x = classifier.probabilities(images_hwc(real.images)).argmax(1)
    label_rebuilt = classifier.probabilities(images_hwc(rebuilt)).argmax(1)
    truth = real.labels.numpy()
    return {f"recon_mae@{temperature}": float((rebuilt - real.images).abs().mean() / 2),
            f"same_label@{temperature}": float(np.mean(label_x == label_rebuilt)),
            f"true_label@{temperature}": float(np.mean(truth == label_rebuilt))}


def sample_quality(run: TrainedGenerator) -> dict:
    classes = len(run.classes) if run.classes else 0
    result = evaluate_generator(run.generator, run.config.z_dim, "fashion-mnist", 10000, seed=0,
                                classes=classes, split="test")
    keys = ("fid", "kid_mean", "precision", "recall", "intra_fid", "class_agreement")
    return {k: result[k] for k in keys if k in result}


def measure(run_dir: Path) -> dict:
    run = open_encoder_run(run_dir, device="cpu")
    result = {"step": run.step, "rho": heldout_rho(run)}
    for temperature in (1.0, 0.9):
        result |= reconstruction(run, temperature)
    return result | sample_quality(run)


# The columns of the table of saved rows (--table-from), after the run's name and config
SAVED_COLUMNS = ("rho", "recon_mae@1.0", "same_label@1.0", "true_label@1.0", "same_label@0.9",
                 "fid", "precision", "recall", "class_agreement")


def saved_table(rows: list[dict]) -> str:
    """The rows saved with --jsonl (or by hand, with `config`, `seed`, `train_precision` and
    `extractor` added): one line each, the machine by its classifier's letter."""
    lines = ["| run | config | seed | dtype | " + " | ".join(SAVED_COLUMNS) + " | machine |",
             "|---|---|---|---|" + "---|" * (len(SAVED_COLUMNS) + 1)]
    for row in rows:
        cells = " | ".join(_fmt(row.get(k)) for k in SAVED_COLUMNS)
        lines.append(f"| {row['run']} | {row.get('config', '–')} | {row.get('seed', '–')} | "
                     f"{row.get('train_precision', '–')} | {cells} | "
                     f"{letter(row['extractor'])} |")
    return "\n".join(lines + ["", legend({row["extractor"] for row in rows})])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=12.0, help="CPU minutes per run")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--runs", nargs="*", default=[], metavar="NAME=RUN_DIR",
                        help="score existing runs instead of training")
    parser.add_argument("--only-given", action="store_true", help="score the --runs only")
    parser.add_argument("--jsonl", type=Path, default=None, help="also append each row here")
    add_table_arguments(parser)
    args = parser.parse_args(argv)
    if args.table_from:
        print(saved_table(read_rows(args.table_from)))
        return 0
    torch.set_num_threads(args.threads)
    given = dict(item.split("=", 1) for item in args.runs)
    variants = {name: {} for name in given} if args.only_given else VARIANTS
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, extra in variants.items():
            if label in given:
                run_dir = Path(given[label])
            else:
                run_dir = train_for(PRESET, args.minutes, Path(tmp) / label, extra)[0].run_dir.root
            rows.append({"run": label, **measure(run_dir)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
            if args.jsonl:
                with args.jsonl.open("a") as handle:
                    handle.write(json.dumps(rows[-1]) + "\n")
    command = " ".join(sys.argv[1:] if argv is None else argv)
    print(f"Command: python benchmarks/ogan.py {command}".rstrip())
    keys = list(dict.fromkeys(k for row in rows for k in row if k != "run"))
    print("| run | " + " | ".join(keys) + " |")
    print("|---|" + "---|" * len(keys))
    for row in rows:
        cells = " | ".join(_fmt(row.get(k)) for k in keys)
        print(f"| {row['run']} | {cells} |")
    return 0


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else "–" if value is None else str(value)


if __name__ == "__main__":
    raise SystemExit(main())
