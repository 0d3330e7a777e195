"""Every image objective on Fashion-MNIST under the same CPU budget, scored with the domain
classifier: FID, KID, precision, recall (10k samples vs the 10k test split).

Each preset `<objective>-fashion-mnist` trains for `--minutes` of wall-clock time (or until its
own `steps`, whichever comes first) on `--threads` CPU threads, then its generator (the EMA copy
when the preset keeps one) is sampled and scored. Needs the classifier once:
`gankit train-classifier --data fashion-mnist`.

    python benchmarks/fmnist.py --minutes 15
    python benchmarks/fmnist.py --objectives ns wgan-gp --minutes 5 --set precision=bf16
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import torch

import gankit
from gankit.metrics.evaluate import evaluate_samples
from gankit.training.evaluation import draw_samples

OBJECTIVES = ["minimax", "ns", "lsgan", "wgan", "wgan-gp", "hinge"]
COLUMNS = ("fid", "kid_mean", "precision", "recall", "coverage")


def train_for(preset: str, minutes: float, out: Path, extra: list[str]) -> tuple[object, int, float]:
    overrides = {"out": str(out), "log": {"progress": False}}
    overrides.update(dict(item.split("=", 1) for item in extra))
    trainer = gankit.make_trainer(preset, **overrides)
    started = time.perf_counter()
    while trainer.step < trainer.config.steps and time.perf_counter() - started < minutes * 60:
        trainer.train_step()
    trainer.save()
    return trainer, trainer.step, time.perf_counter() - started


def score(trainer, n: int) -> dict:
    images = draw_samples(trainer.sampling_generator(), trainer.config.z_dim, n, seed=0)
    return evaluate_samples(images, "fashion-mnist", n=n, split="test")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objectives", nargs="+", default=OBJECTIVES)
    parser.add_argument("--minutes", type=float, default=15.0, help="training budget per preset")
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE",
                        help="extra overrides for every preset")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for objective in args.objectives:
            preset = f"{objective}-fashion-mnist"
            trainer, steps, seconds = train_for(preset, args.minutes, Path(tmp) / preset, args.set)
            result = score(trainer, args.n)
            rows.append({"preset": preset, "steps": steps, "seconds": seconds, **result})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(f"Command: python benchmarks/fmnist.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"Extractor: {rows[0]['extractor']}; {rows[0]['n_fake']} samples vs "
          f"{rows[0]['n_real']} test images")
    print("| preset | G steps | minutes | " + " | ".join(COLUMNS) + " |")
    print("|---|---|---|" + "---|" * len(COLUMNS))
    for row in rows:
        cells = " | ".join(f"{row[c]:.3f}" for c in COLUMNS)
        print(f"| {row['preset']} | {row['steps']} | {row['seconds'] / 60:.1f} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
