"""The verbs' arguments. This module and what it imports stay free of torch, so `--help` answers
at once; each verb's work is in `gankit.cli.<verb>_cmd`, which main imports only to run it."""

from __future__ import annotations

import argparse
from typing import Any, get_args

from gankit.config.schema import Precision
from gankit.metrics.classifier_recipe import EPOCHS
from gankit.metrics.extractors import DEFAULT, EXTRACTORS
from gankit.metrics.extractors.registry import ENV_VAR
from gankit.training.run_dir import CHECKPOINTS

Verbs = argparse._SubParsersAction


def verb(verbs: Verbs, name: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A verb's parser (`kwargs` go to add_parser); running it imports `gankit.cli.<name>_cmd`
    and calls its `run(args)`."""
    parser = verbs.add_parser(name, **kwargs)
    parser.set_defaults(command=f"gankit.cli.{name.replace('-', '_')}_cmd")
    return parser


def add_train(verbs: Verbs) -> None:
    parser = verb(
        verbs, "train", help="train a GAN from a preset or YAML file with key=value overrides",
        description="Train from a preset name (see `gankit list`) or a YAML file; any config key "
                    "can be overridden as key=value, nested keys with dots (g_opt.lr=1e-4).")
    parser.add_argument("items", nargs="*", metavar="PRESET|CONFIG.yaml|key=value")
    parser.add_argument("--resume", metavar="RUN_DIR",
                        help="continue a run from its last checkpoint (steps=N extends it)")


def add_sample(verbs: Verbs) -> None:
    parser = verb(verbs, "sample", help="draw samples from a trained run")
    parser.add_argument("run_dir", metavar="RUN_DIR")
    parser.add_argument("--n", type=int, default=64, help="number of samples (default 64)")
    parser.add_argument("--out", required=True,
                        help="FILE.npz (arrays), FILE.png (picture) or, for sequence runs, "
                             "FILE.txt (one sequence per line)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the latent draws")
    parser.add_argument("--no-ema", action="store_true", help="use the raw generator, not its EMA")
    parser.add_argument("--checkpoint", choices=CHECKPOINTS, default="last",
                        help="last, or best (kept by training with eval.every)")
    parser.add_argument("--temperature", type=float, default=None,
                        help="sequence runs: sample from softmax(logits / T) (default: as trained)")
    parser.add_argument("--class", dest="which", metavar="NAME|INDEX", default=None,
                        help="conditional runs: draw every sample of this class")
    parser.add_argument("--per-class", type=int, default=None, metavar="N",
                        help="conditional runs: N samples of every class (a .png has one "
                             "labelled row per class); --n is then ignored")
    parser.add_argument("--device", default="auto")


def add_eval(verbs: Verbs) -> None:
    parser = verb(
        verbs, "eval", help="metrics of a run or of a samples .npz against a dataset, as JSON",
        description="2D mixtures: mode coverage (modes, % high quality, KL to uniform). Images: "
                    "FID, KID, precision/recall, density/coverage, IS on an extractor's "
                    "features. Numbers from different extractors do not compare. Token "
                    "sequences (`tokens` in the .npz): NLL_oracle under --data oracle.")
    parser.add_argument("target", metavar="RUN_DIR|SAMPLES.npz")
    parser.add_argument("--data", metavar="NAME",
                        help="dataset to compare with (default for a run: its own)")
    parser.add_argument("--split", choices=("test", "train"), default="test",
                        help="real images to compare with, where the dataset has splits")
    parser.add_argument("--n", type=int, default=None,
                        help="samples to evaluate (default 2500 for 2D points, 10000 images or "
                             "sequences)")
    parser.add_argument("--features", default=DEFAULT, metavar="NAME",
                        help=f"image extractor: {', '.join(EXTRACTORS.names())} "
                             f"(default {DEFAULT})")
    parser.add_argument("--inception-weights", metavar="PATH",
                        help=f"FID Inception weights file (default ${ENV_VAR})")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the latent draws and of any subsampling")
    parser.add_argument("--checkpoint", choices=CHECKPOINTS, default="last")
    parser.add_argument("--no-ema", action="store_true", help="use the raw generator, not its EMA")
    parser.add_argument("--append", action="store_true",
                        help="also append the result to RUN_DIR/metrics.jsonl")
    parser.add_argument("--device", default="auto")


def add_encoder_common(parser: argparse.ArgumentParser, n_default: int | None) -> None:
    """What encode, reconstruct and interpolate share: an O-GAN run and its real images."""
    parser.add_argument("run_dir", metavar="RUN_DIR", help="a run trained with wrappers.ogan (O-GAN)")
    parser.add_argument("--data", help="dataset name (default: the run's dataset)")
    parser.add_argument("--split", help="dataset split (default: test, when the dataset has one)")
    parser.add_argument("--n", type=int, default=n_default,
                        help="use the first N images" + ("" if n_default is None
                                                         else f" (default {n_default})"))
    parser.add_argument("--no-ema", action="store_true", help="use the raw generator, not its EMA")
    parser.add_argument("--checkpoint", choices=CHECKPOINTS, default="last")
    parser.add_argument("--device", default="auto")


def add_encode(verbs: Verbs) -> None:
    parser = verb(verbs, "encode", help="codes of real images from an O-GAN run's encoder",
                  description="Writes `codes` (float32 N×z_dim, each row standardised to mean 0 "
                              "and std 1) and `labels` when the data has them.")
    add_encoder_common(parser, n_default=None)
    parser.add_argument("--out", required=True, help="FILE.npz")


def add_reconstruct(verbs: Verbs) -> None:
    parser = verb(verbs, "reconstruct", help="G(encoded real images) from an O-GAN run",
                  description=".png: columns of originals, each beside its reconstruction; "
                              ".npz: `originals` and `reconstructions` (uint8 N×H×W×C).")
    add_encoder_common(parser, n_default=32)
    parser.add_argument("--temperature", type=float, default=1.0,
                        help="scale of the codes fed to G (the O-GAN scripts use 0.9)")
    parser.add_argument("--out", required=True, help="FILE.png or FILE.npz")


def add_interpolate(verbs: Verbs) -> None:
    parser = verb(verbs, "interpolate", help="interpolations between real images (O-GAN)",
                  description="Each row: a real image, G at `--steps` codes on the straight line "
                              "between its code and another real image's code, then that other "
                              "image.")
    add_encoder_common(parser, n_default=1000)
    parser.add_argument("--pairs", type=int, default=8, help="rows (default 8)")
    parser.add_argument("--steps", type=int, default=10, help="decoded codes per row (default 10)")
    parser.add_argument("--seed", type=int, default=0, help="which images are paired")
    parser.add_argument("--out", required=True, help="FILE.png")


def add_train_classifier(verbs: Verbs) -> None:
    parser = verb(verbs, "train-classifier",
                  help="train the domain classifier used for FID/KID/PR on a dataset")
    parser.add_argument("--data", required=True, metavar="NAME",
                        help="a labelled image dataset (see `gankit list`)")
    parser.add_argument("--epochs", type=int, default=EPOCHS,
                        help=f"passes over the training split (default {EPOCHS})")
    parser.add_argument("--image-size", type=int, default=None,
                        help="resize the dataset's images to this square size first")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--precision", choices=get_args(Precision), default="auto",
                        help="auto (default): bf16 autocast where the CPU computes bf16 "
                             "natively, fp32 elsewhere")
    parser.add_argument("--fp32", action="store_const", dest="precision", const="fp32",
                        help="the same as --precision fp32")
    parser.add_argument("--force", action="store_true", help="replace an existing classifier")


def add_translate(verbs: Verbs) -> None:
    parser = verb(verbs, "translate", help="translate your own source images with an "
                                           "image-to-image run",
                  description="Each source image (any size) through the run's generator: an "
                              "image file, a folder (names kept) or an .npz with `sources`.")
    parser.add_argument("run_dir", metavar="RUN_DIR")
    parser.add_argument("--input", required=True, metavar="IMAGE|FOLDER|SOURCES.npz")
    parser.add_argument("--out", required=True, metavar="FOLDER|FILE.npz")
    parser.add_argument("--batch", type=int, default=64, help="images per forward pass")
    parser.add_argument("--checkpoint", choices=CHECKPOINTS, default="last")
    parser.add_argument("--no-ema", action="store_true", help="use the raw generator, not its EMA")
    parser.add_argument("--device", default="auto")


def add_list(verbs: Verbs) -> None:
    parser = verb(verbs, "list", help="objectives, wrappers, penalties, nets, datasets and presets",
                  description="Every registered name; with --schedule, the resolved schedule of "
                              "a run: each update, what it trains, when it runs, and the loss "
                              "parts it sums with their weights.")
    parser.add_argument("--schedule", metavar="PRESET|CONFIG.yaml",
                        help="print the schedule a run of this preset or file would follow")
    parser.add_argument("items", nargs="*", metavar="key=value",
                        help="overrides for --schedule, as for `gankit train`")


VERBS = (add_train, add_sample, add_eval, add_encode, add_reconstruct, add_interpolate,
         add_translate, add_train_classifier, add_list)
