"""Do the image metrics move the right way? Each metric on sets of known quality against the
dataset's test split (metrics.sanity): real training images, Gaussian noise, blurred real images,
one class only and shuffled pixels. Good images score high precision; noise, blur and shuffled
pixels score near 0; one class keeps its precision but loses recall and coverage.

    python benchmarks/metric_sanity.py                    # fashion-mnist, 5000 images per set
    python benchmarks/metric_sanity.py --data mnist --n 10000
"""

from __future__ import annotations

import argparse
import sys

import torch

from gankit.metrics.report import evaluate_images
from gankit.metrics.sanity import CASES, sanity_sets

COLUMNS = ("fid", "kid_mean", "precision", "recall", "density", "coverage")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="fashion-mnist")
    parser.add_argument("--n", type=int, default=5000)
    args = parser.parse_args()
    torch.set_num_threads(1)
    sets = sanity_sets(args.data, args.n)
    rows = {case: evaluate_images(sets[case], args.data, n=args.n) for case in CASES}
    first = rows[CASES[0]]
    print(f"Command: python benchmarks/metric_sanity.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"Extractor: {first['extractor']} (k-NN metrics on {first['manifold_features']}); "
          f"{first['n_fake']} images per set vs {first['n_real']} test images")
    print("| set | " + " | ".join(COLUMNS) + " |")
    print("|---|" + "---|" * len(COLUMNS))
    for case, row in rows.items():
        print(f"| {case} | " + " | ".join(f"{row[c]:.3f}" for c in COLUMNS) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
