"""How far the domain-classifier metrics move between two classifiers of the same recipe.

`gankit train-classifier` is seeded, but its weights depend on the machine (CPU kernels, bf16 or
fp32), so each machine scores with its own extractor. This scores the same 10k samples of one
run (latent seed 0) with each classifier file given, so the spread can be read beside results
from another machine.

    gankit train-classifier --data fashion-mnist                              # the cache's
    GANKIT_CACHE=/tmp/fp32 gankit train-classifier --data fashion-mnist --precision fp32
    python benchmarks/extractor_spread.py RUN_DIR ~/.cache/gankit/classifiers/fashion-mnist.safetensors \\
        /tmp/fp32/classifiers/fashion-mnist.safetensors
"""

from __future__ import annotations

import argparse
import json
import sys

import torch

from gankit.metrics.evaluate import evaluate_samples
from gankit.training.evaluation.generator import draw_samples
from gankit.use.runs import open_generator

COLUMNS = ("fid", "kid_mean", "precision", "recall", "coverage")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", help="a trained Fashion-MNIST run directory")
    parser.add_argument("classifiers", nargs="+", help="classifier .safetensors files")
    parser.add_argument("--n", type=int, default=10000)
    args = parser.parse_args()
    torch.set_num_threads(1)
    loaded = open_generator(args.run, device="cpu")
    images = draw_samples(loaded.generator, loaded.config.z_dim, args.n, seed=0)
    print("| extractor | " + " | ".join(COLUMNS) + " |")
    print("|---|" + "---|" * len(COLUMNS))
    for weights in args.classifiers:
        result = evaluate_samples(images, "fashion-mnist", n=args.n, split="test",
                                  weights=weights)
        print(json.dumps({k: result[k] for k in ("extractor", *COLUMNS)}), file=sys.stderr)
        print(f"| {result['extractor']} | "
              + " | ".join(f"{result[c]:.3f}" for c in COLUMNS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
