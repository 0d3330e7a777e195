"""`gankit sample RUN_DIR --n N --out FILE`: .npz arrays or a .png grid / scatter plot; token
runs write .npz (`tokens`, int64 N×L) or .txt (one decoded sequence per line)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.core.io import atomic_path, write_text_atomic
from gankit.data.pictures import images_hwc, picture
from gankit.data.vocab import decode_ids
from gankit.nets.sampling import sample_generator
from gankit.use.labels import labels_for
from gankit.use.pairs import Translated, as_arrays, translate_test_pairs
from gankit.use.runs import TrainedGenerator, open_generator
from gankit.viz.grid import save_png, with_row_names

FORMATS = {"points": (".npz", ".png"), "images": (".npz", ".png"), "tokens": (".npz", ".txt")}
SUFFIXES = (".npz", ".png", ".txt")

def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES:
        raise GankitError(f"--out must end in {', '.join(SUFFIXES)}, got {out.name!r}")
    if args.n < 1:
        raise GankitError(f"--n must be at least 1, got {args.n}")
    loaded = open_generator(args.run_dir, not args.no_ema, args.device, args.checkpoint)
    check_request(args, out, loaded)
    if loaded.source_shape is not None:
        return sample_pairs(args, out, loaded)
    if args.temperature is not None:
        loaded.generator.temperature = args.temperature
    labels = labels_for(loaded.classes, args.n, args.which, args.per_class, run=args.run_dir)
    n = args.n if labels is None else len(labels)
    samples = sample_generator(loaded.generator, loaded.config.z_dim, n, args.seed, labels)
    write_samples(out, samples, loaded, labels, args.per_class)
    print(f"gankit: wrote {n} samples to {out}", file=sys.stderr)
    return 0


def sample_pairs(args: argparse.Namespace, out: Path, loaded: TrainedGenerator) -> int:
    """An image-to-image run: its first --n test pairs, source | output | target per row (.png),
    or the three arrays (.npz)."""
    if args.which is not None or args.per_class is not None:
        raise GankitError("an image-to-image run translates its test pairs' sources; it takes "
                          "no --class or --per-class")
    done = translate_test_pairs(loaded, args.n, args.seed)
    if out.suffix.lower() == ".npz":
        with atomic_path(out) as tmp, tmp.open("wb") as handle:
            np.savez_compressed(handle, **as_arrays(done))  # type: ignore[arg-type]
    else:
        shown = loaded_pictures(done)
        save_png(picture(shown, columns=3), out, scale=2)
    print(f"gankit: wrote {args.n} test pairs (source | output | target) to {out}",
          file=sys.stderr)
    return 0


def loaded_pictures(done: Translated) -> Tensor:
    """Rows of source | output | target, the sources shown at the outputs' size and channels."""
    outputs = done.outputs
    sources = done.sources[:, :-1] if done.masked else done.sources
    if sources.shape[1] != outputs.shape[1]:
        sources = sources.mean(dim=1, keepdim=True).expand(-1, outputs.shape[1], -1, -1)
    if sources.shape[-2:] != outputs.shape[-2:]:
        sources = F.interpolate(sources, size=tuple(outputs.shape[-2:]), mode="nearest")
    return torch.stack([sources, outputs, done.targets], dim=1).flatten(0, 1)


def check_request(args: argparse.Namespace, out: Path, loaded: TrainedGenerator) -> None:
    allowed = FORMATS.get(loaded.kind, (".npz", ".png"))
    if out.suffix.lower() not in allowed:
        raise GankitError(f"a run on {loaded.kind} samples to {' or '.join(allowed)}, "
                          f"not {out.suffix}")
    if args.temperature is not None:
        if not hasattr(loaded.generator, "temperature"):
            raise GankitError("--temperature is for sequence runs")
        if not args.temperature > 0:
            raise GankitError(f"--temperature must be > 0, got {args.temperature}")


def write_samples(out: Path, samples: Tensor, loaded: TrainedGenerator,
                  labels: Tensor | None = None, per_class: int | None = None) -> None:
    suffix = out.suffix.lower()
    if suffix == ".txt":
        write_text_atomic(out, "".join(f"{line}\n" for line in decode_ids(samples,
                                                                           loaded.vocabulary)))
    elif suffix == ".png":
        save_png(sample_picture(samples, loaded, per_class), out,
                 scale=1 if loaded.kind == "points" else 2)
    else:
        write_npz(out, samples, loaded.kind, labels)


def sample_picture(samples: Tensor, loaded: TrainedGenerator,
                   per_class: int | None) -> np.ndarray:
    """A grid (one row per class, named, with --per-class) or a scatter plot."""
    if per_class is None or loaded.kind != "images":
        return picture(samples)
    grid = picture(samples, columns=per_class)
    return with_row_names(grid, list(loaded.classes or ()), tile=samples.shape[-2])


def write_npz(out: Path, samples: Tensor, kind: str, labels: Tensor | None = None) -> None:
    if kind == "tokens":
        arrays = {"tokens": samples.numpy().astype(np.int64)}
    elif kind == "points":
        arrays = {"points": samples.numpy().astype(np.float32)}
    else:
        arrays = {"images": images_hwc(samples)}
    if labels is not None:
        arrays["labels"] = labels.numpy().astype(np.int64)
    # numpy's stubs give savez_compressed a keyword allow_pickle: bool beside **arrays
    with atomic_path(out) as tmp, tmp.open("wb") as handle:
        np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]
