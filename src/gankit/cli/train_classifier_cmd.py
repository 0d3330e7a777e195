"""`gankit train-classifier --data NAME`: train the domain classifier that the default metrics
use, report its test accuracy and keep it in the cache."""

from __future__ import annotations

import argparse
import sys

from gankit.core.precision import PRECISIONS
from gankit.metrics.classifier_training import EPOCHS, train_classifier


def add_parser(verbs: argparse._SubParsersAction) -> None:
    parser = verbs.add_parser("train-classifier",
                              help="train the domain classifier used for FID/KID/PR on a dataset")
    parser.add_argument("--data", required=True, metavar="NAME",
                        help="a labelled image dataset (see `gankit list`)")
    parser.add_argument("--epochs", type=int, default=EPOCHS,
                        help=f"passes over the training split (default {EPOCHS})")
    parser.add_argument("--image-size", type=int, default=None,
                        help="resize the dataset's images to this square size first")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--precision", choices=PRECISIONS, default="auto",
                        help="auto (default): bf16 autocast where the CPU computes bf16 "
                             "natively, fp32 elsewhere")
    parser.add_argument("--fp32", action="store_const", dest="precision", const="fp32",
                        help="the same as --precision fp32")
    parser.add_argument("--force", action="store_true", help="replace an existing classifier")
    parser.set_defaults(run=run)


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
