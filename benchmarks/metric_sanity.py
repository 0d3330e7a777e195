"""Do the image metrics move the right way? Each metric on sets of known quality against the
dataset's test split (metrics.sanity): real training images, Gaussian noise, blurred real images,
one class only and shuffled pixels. Good images score high precision; noise, blur and shuffled
pixels score near 0; one class keeps its precision but loses recall and coverage. The last two
columns are the independent pixel judge's (metrics.pixel_judge; datasets with a test split): the
1-NN two-sample accuracy (0.5 = indistinguishable from the test images) and the smallest share
of one class among the sets' images by its 5-NN classifier.

    python benchmarks/metric_sanity.py                    # fashion-mnist, 5000 images per set
    python benchmarks/metric_sanity.py --data mnist --n 10000
"""

from __future__ import annotations

import argparse
import sys

import torch

from gankit.metrics.pixel_judge import PixelJudge
from gankit.metrics.report import evaluate_images
from gankit.metrics.sanity import CASES, sanity_sets

COLUMNS = ("fid", "kid_mean", "precision", "recall", "density", "coverage")
JUDGE_COLUMNS = ("judge_1nn_accuracy", "judge_min_class_share")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="fashion-mnist")
    parser.add_argument("--n", type=int, default=5000)
    args = parser.parse_args()
    torch.set_num_threads(1)
    sets = sanity_sets(args.data, args.n)
    rows = {case: evaluate_images(sets[case], args.data, n=args.n) for case in CASES}
    columns = COLUMNS
    if args.data in ("fashion-mnist", "mnist"):
        judge = PixelJudge.for_dataset(args.data)
        for case in CASES:
            rows[case] |= judge.score(sets[case])
        columns += JUDGE_COLUMNS
    first = rows[CASES[0]]
    print(f"Command: python benchmarks/metric_sanity.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"Extractor: {first['extractor']} (k-NN metrics on {first['manifold_features']}); "
          f"{first['n_fake']} images per set vs {first['n_real']} test images")
    print("| set | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for case, row in rows.items():
        print(f"| {case} | " + " | ".join(f"{row[c]:.3f}" for c in columns) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
