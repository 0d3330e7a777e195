"""O-GAN on Fashion-MNIST: is the critic a usable encoder, and does the correlation term cost
sample quality? Compares the `ogan-fashion-mnist` preset (lambda = 0.5) with the same run at
lambda = 0 (same encoder critic, no correlation term), each trained for the same CPU budget.

For each run it reports:
- rho: mean Pearson correlation between z and E(G(z)) on 10k held-out z (seed 123);
- reconstruction of the 10k test images, x̂ = G(t · 𝒩(E(x))) for t = 1 and 0.9: mean absolute
  pixel error (in [0, 1] units), and how often the domain classifier gives x̂ the label it gives
  x (and the true label);
- sample quality: FID, KID, precision, recall of 10k samples vs the test split (domain classifier).

    python benchmarks/ogan.py --minutes 12
    python benchmarks/ogan.py --runs on=RUN_DIR off=RUN_DIR      # score runs trained elsewhere
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

from gankit.data.pictures import images_hwc
from gankit.metrics.evaluate import evaluate_samples
from gankit.metrics.extractors import build_extractor
from gankit.nets.sampling import evaluation_mode, latent_batch
from gankit.objectives.correlation import pearson
from gankit.training.evaluation import draw_samples
from gankit.use.encoding import open_encoder_run, real_images, reconstruct_images
from gankit.use.runs import TrainedGenerator

VARIANTS = {"on": {}, "off": {"encoder": {"weight": 0.0}}}
PRESET = "ogan-fashion-mnist"


@torch.no_grad()
def heldout_rho(run: TrainedGenerator, n: int = 10000) -> float:
    z = latent_batch(n, run.config.z_dim, 123, torch.device("cpu"))
    with evaluation_mode(run.generator, run.critic):
        values = [pearson(part, run.critic.encode(run.generator(part))) for part in z.split(500)]
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
    images = draw_samples(run.generator, run.config.z_dim, 10000, seed=0)
    result = evaluate_samples(images, "fashion-mnist", n=10000, split="test")
    return {k: result[k] for k in ("fid", "kid_mean", "precision", "recall")}


def measure(run_dir: Path) -> dict:
    run = open_encoder_run(run_dir, device="cpu")
    result = {"step": run.step, "rho": heldout_rho(run)}
    for temperature in (1.0, 0.9):
        result |= reconstruction(run, temperature)
    return result | sample_quality(run)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=12.0, help="CPU minutes per run")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--runs", nargs="*", default=[], metavar="on|off=RUN_DIR",
                        help="score existing runs instead of training")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    given = dict(item.split("=", 1) for item in args.runs)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, extra in VARIANTS.items():
            if label in given:
                run_dir = Path(given[label])
            else:
                run_dir = train_for(PRESET, args.minutes, Path(tmp) / label, extra)[0].run_dir.root
            rows.append({"lambda": 0.5 if label == "on" else 0.0, **measure(run_dir)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(f"Command: python benchmarks/ogan.py {' '.join(sys.argv[1:])}".rstrip())
    keys = [k for k in rows[0] if k not in ("lambda",)]
    print("| lambda | " + " | ".join(keys) + " |")
    print("|---|" + "---|" * len(keys))
    for row in rows:
        cells = " | ".join(_fmt(row.get(k)) for k in keys)
        print(f"| {row['lambda']} | {cells} |")
    return 0


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


if __name__ == "__main__":
    raise SystemExit(main())
