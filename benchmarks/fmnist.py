"""Every image objective on Fashion-MNIST under the same CPU budget, scored with the domain
classifier: FID, KID, precision, recall, coverage (10k samples vs the 10k test split).

Each entry trains its preset for `--minutes` of CPU time (process time, so other jobs on the
machine do not shorten it; or until the preset's own `steps`, whichever comes first) on
`--threads` threads, then its generator (the EMA copy when the preset keeps one) is sampled at
latent seed 0 and scored. Needs the classifier once: `gankit train-classifier --data fashion-mnist`.

    python benchmarks/fmnist.py --minutes 15
    python benchmarks/fmnist.py --only ns ebgan ebgan-no-pt --minutes 5 --set precision=bf16
    python benchmarks/fmnist.py --only began --full --keep runs/fm   # to the preset's end
    python benchmarks/fmnist.py --score began=runs/fm/began --checkpoint best   # a kept run
    python benchmarks/fmnist.py --table-from a.jsonl b.jsonl   # the table of saved results
    python benchmarks/fmnist.py --presets --table-from a.jsonl  # one row per preset as shipped
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import torch
from fmnist_entries import ENTRIES
from glance import linked, mean_range, seeds
from machines import legend, letter
from saved_rows import add_table_arguments, read_rows

import gankit
from gankit.metrics.evaluate import evaluate_samples
from gankit.metrics.pixel_judge import PixelJudge
from gankit.training.evaluation.generator import draw_samples
from gankit.use.runs import open_generator

COLUMNS = ("fid", "kid_mean", "precision", "recall", "coverage")
JUDGE_COLUMNS = ("judge_1nn_accuracy", "judge_min_class_share")


def train_for(preset: str, minutes: float | None, out: Path,
              extra: dict) -> tuple[object, int, float, float]:
    """Train for `minutes` of CPU time, or (None) to the preset's end through the trainer's own
    loop, which also writes the run's metrics.jsonl, previews and checkpoints."""
    overrides = {"out": str(out), "log": {"progress": False, "tensorboard": False}, **extra}
    trainer = gankit.make_trainer(preset, **overrides)
    started, wall = time.process_time(), time.perf_counter()
    if minutes is None:
        trainer.fit()
    else:
        while (trainer.steps_done() < trainer.total_steps()
               and time.process_time() - started < minutes * 60):
            trainer.train_step()
        trainer.save()
    return (trainer, trainer.state.rounds, time.process_time() - started,
            time.perf_counter() - wall)


def score(generator: torch.nn.Module, z_dim: int, n: int) -> dict:
    """The domain classifier's metrics and the independent pixel judge's, on n samples drawn at
    latent seed 0."""
    images = draw_samples(generator, z_dim, n, seed=0)
    return {**evaluate_samples(images, "fashion-mnist", n=n, split="test"),
            **PixelJudge.for_dataset("fashion-mnist").score(images)}


def score_given(given: list[str], n: int, checkpoint: str, use_ema: bool = True) -> list[dict]:
    """Rows for runs trained elsewhere (ENTRY=RUN_DIR), scored as the trained ones are (by the
    generator's moving average where the run keeps one, unless use_ema is False)."""
    rows = []
    for item in given:
        entry, run = item.split("=", 1)
        loaded = open_generator(run, use_ema=use_ema, device="cpu", checkpoint=checkpoint)
        rows.append({"entry": entry, "preset": loaded.config.preset or entry, "steps": loaded.step,
                     "cpu_seconds": None, "train_dtype": loaded.config.precision,
                     **score(loaded.generator, loaded.config.z_dim, n)})
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    return rows


def parse_sets(items: list[str]) -> dict:
    overrides: dict = {}
    for item in items:
        key, _, value = item.partition("=")
        overrides[key.replace(".", "__")] = value
    return overrides


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(ENTRIES), default=list(ENTRIES))
    parser.add_argument("--minutes", type=float, default=15.0, help="CPU minutes per entry")
    parser.add_argument("--full", action="store_true",
                        help="train each preset to its own step count, logging metrics.jsonl")
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE",
                        help="extra overrides for every entry")
    parser.add_argument("--jsonl", type=Path, default=None, help="also append each result here")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the run directories here (default: a temporary folder)")
    parser.add_argument("--score", nargs="+", default=None, metavar="ENTRY=RUN_DIR",
                        help="train nothing: score these runs (ENTRY labels the row)")
    parser.add_argument("--checkpoint", default="last", choices=("last", "best"),
                        help="with --score: last, or best (by the run's in-run eval)")
    parser.add_argument("--no-ema", action="store_true",
                        help="with --score: the trained generator, not its moving average")
    add_table_arguments(parser, presets=True)  # a preset's runs: its entry and -seedN entries
    args = parser.parse_args(argv)
    command = f"python benchmarks/fmnist.py {' '.join(sys.argv[1:] if argv is None else argv)}"
    if args.table_from:
        rows = read_rows(args.table_from)
        if args.presets:
            print(preset_table(rows, args.link))
            return 0
        order = list(ENTRIES)
        print(table(sorted(rows, key=lambda row: order.index(row["entry"]))))
        return 0
    torch.set_num_threads(args.threads)
    if args.score:
        rows = score_given(args.score, args.n, args.checkpoint, use_ema=not args.no_ema)
        append(rows, args.jsonl)
        print(table(rows, command))
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for label in args.only:
            preset, extra = ENTRIES[label]
            extra = {**extra, **parse_sets(args.set)}
            minutes = None if args.full else args.minutes
            trainer, steps, seconds, wall = train_for(preset, minutes, root / label, extra)
            if minutes is None and trainer.steps_done() < trainer.total_steps():
                print(f"{label}: stopped at step {steps} of {trainer.total_steps()}, not scored "
                      f"(gankit train --resume {root / label} finishes it; then --score "
                      f"{label}={root / label})",
                      file=sys.stderr)
                return 1
            rows.append({"entry": label, "preset": preset, "steps": steps,
                         "train_seed": trainer.config.seed,
                         "cpu_seconds": seconds, "wall_seconds": wall,
                         "device": str(trainer.parts.device),
                         "train_dtype": trainer.config.precision,
                         **score(trainer.sampling_generator(), trainer.config.z_dim, args.n)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
            append(rows[-1:], args.jsonl)
    print(table(rows, command))
    return 0


def append(rows: list[dict], jsonl: Path | None) -> None:
    if jsonl:
        with jsonl.open("a") as handle:
            handle.writelines(json.dumps(row) + "\n" for row in rows)


def table(rows: list[dict], command: str | None = None) -> str:
    """Every row: its entry, preset, length, time, precision and scores (the command that
    produced them first, when given)."""
    judged = [c for c in JUDGE_COLUMNS if any(c in row for row in rows)]
    extractors = sorted({row["extractor"] for row in rows})
    columns = COLUMNS + tuple(judged) + (("extractor",) if len(extractors) > 1 else ())
    lines = [f"Command: {command.rstrip()}"] if command else []
    lines += [(f"Extractor: {', '.join(extractors)}; {rows[0]['n_fake']} samples vs "
               f"{rows[0]['n_real']} test images"),
             "| entry | preset | G steps | CPU min | wall min | device | dtype | "
             + " | ".join(columns) + " |",
             "|---|---|---|---|---|---|---|" + "---|" * len(columns)]
    for row in rows:
        cells = " | ".join(cell(row.get(c)) for c in columns)
        minutes = [cell(row[key] / 60 if row.get(key) else None, ".1f")
                   for key in ("cpu_seconds", "wall_seconds")]
        lines.append(f"| {row['entry']} | {row['preset']} | {row['steps']} | {minutes[0]} | "
                     f"{minutes[1]} | {row.get('device', 'cpu')} | {row.get('train_dtype', '–')} "
                     f"| {cells} |")
    return "\n".join(lines + ["", legend(extractors)])


def train_seed(row: dict) -> int:
    """The seed a row's run trained with (older rows name it only by their entry's overrides)."""
    return row.get("train_seed", ENTRIES.get(row["entry"], ("", {}))[1].get("seed", 0))


def as_shipped(entry: str) -> str | None:
    """The preset an entry measures unchanged (at most its seed differs), else None."""
    preset, extra = ENTRIES.get(entry, (None, {"variant": True}))
    return preset if set(extra) <= {"seed"} else None


def preset_table(rows: list[dict], link: str | None = None) -> str:
    """One row per preset as shipped: how many runs (seeds, machines, precisions) are behind it,
    and the mean and range of FID, precision and recall over them."""
    by_preset: dict[str, list[dict]] = {}
    order = list(ENTRIES)
    for row in sorted(rows, key=lambda row: order.index(row["entry"])):
        if preset := as_shipped(row["entry"]):
            by_preset.setdefault(preset, []).append(row)
    lines = ["| preset | runs | seeds | machines | dtype | FID | precision | recall |",
             "|---|---|---|---|---|---|---|---|"]
    for preset, runs in by_preset.items():
        machines = ", ".join(dict.fromkeys(sorted(letter(r["extractor"]) for r in runs)))
        dtypes = ", ".join(sorted({r.get("train_dtype", "–") for r in runs}))
        lines.append(
            f"| {linked(preset, link)} | {len(runs)} | {seeds([train_seed(r) for r in runs])} "
            f"| {machines} | {dtypes} | {mean_range([r['fid'] for r in runs])} "
            f"| {mean_range([r['precision'] for r in runs], '.3f')} "
            f"| {mean_range([r['recall'] for r in runs], '.3f')} |")
    used = {r["extractor"] for runs in by_preset.values() for r in runs}
    return "\n".join(lines + ["", legend(used)])


def cell(value: float | str | None, spec: str = ".3f") -> str:
    """A number to `spec`; an extractor's name to its weights' short hash."""
    if isinstance(value, str):
        return value.rsplit(":", 1)[-1]
    return "–" if value is None else format(value, spec)


if __name__ == "__main__":
    raise SystemExit(main())
