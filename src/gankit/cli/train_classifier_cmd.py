"""`gankit train-classifier --data NAME`: train the domain classifier that the default metrics
use, report its test accuracy and keep it in the cache."""

from __future__ import annotations

import argparse
import sys

from gankit.metrics.classifier_training import train_classifier


def run(args: argparse.Namespace) -> int:
    def log(line: str) -> None:
        print(f"gankit: {line}", file=sys.stderr)

    info, path = train_classifier(args.data, epochs=args.epochs, image_size=args.image_size,
                                  seed=args.seed, force=args.force, precision=args.precision,
                                  log=log)
    print(f"test accuracy {info.test_accuracy:.2%} on {info.test_size} {args.data} images "
          f"({info.classes} classes), trained in {info.seconds:.0f} s on {info.train_size}; "
          f"saved to {path}")
    return 0
