"""SeqGAN's synthetic-data experiment (Yu et al. 2017, Table 1): NLL_oracle of a random
generator, of MLE pre-training alone, and of SeqGAN, beside the paper's numbers.

Trains the `seqgan-oracle` preset once (MLE pre-training, discriminator pre-training, then the
adversarial game with the official discriminator schedule; `--preset seqgan-oracle-fast` for the
reduced one a CPU finishes in hours), single-threaded, timing each part in CPU seconds. NLL_oracle is the mean
per-token negative log-likelihood, under the paper's oracle, of 10,000 sequences drawn at the
fixed evaluation seed (the same number `gankit eval RUN_DIR` prints). It also writes the final
samples to RUN_DIR/tokens.npz, so anyone can re-score them. A run that was stopped (Ctrl-C,
SIGTERM) goes on with --resume; the random generator's score and the phases' seconds so far are
kept in RUN_DIR/benchmark.json.

    python benchmarks/seqgan_oracle.py --out runs/seqgan-oracle-bench
    python benchmarks/seqgan_oracle.py --out runs/seqgan-oracle-bench --resume
    python benchmarks/seqgan_oracle.py --preset seqgan-oracle-fast --out runs/fast
    python benchmarks/seqgan_oracle.py --out runs/quick objective_options.mle_epochs=20 steps=50
    python benchmarks/seqgan_oracle.py --table-from benchmarks/results/seqgan-oracle.jsonl
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch
from glance import linked, mean_range
from saved_rows import add_table_arguments, read_rows

from gankit.config.load import load_config
from gankit.nets.sampling import sample_generator
from gankit.training.engine import Trainer
from gankit.training.runs import resume_run, start_run

PRESET = "seqgan-oracle"
PAPER = {"random": "10.310", "mle": "9.038", "seqgan": "8.736"}  # Table 1
AUTHORS_LOG = {"random": "", "mle": "≈ 9.07", "seqgan": "≈ 8.68"}  # save/experiment-log.txt
ROWS = {"random": "random generator", "mle": "MLE only", "seqgan": "SeqGAN"}


def timed_steps(trainer: Trainer, so_far: dict) -> tuple[dict[str, float], dict[str, float]]:
    """Wrap trainer.train_step to add up the CPU seconds and the wall seconds of each phase's
    steps (and the game's), from `so_far`'s; on a GPU the wall seconds are the cost."""
    seconds: dict[str, float] = defaultdict(float, so_far.get("cpu_seconds", {}))
    wall: dict[str, float] = defaultdict(float, so_far.get("wall_seconds", {}))
    original = trainer.train_step

    def step() -> dict[str, float]:
        phase = trainer.current_phase()
        name = phase.name if phase else "game"
        started, started_wall = time.process_time(), time.perf_counter()
        scalars = original()
        seconds[name] += time.process_time() - started
        wall[name] += time.perf_counter() - started_wall
        return scalars

    trainer.train_step = step
    return seconds, wall


def eval_lines(run_dir: Path) -> list[dict]:
    lines = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    return [line for line in lines if line.get("event") == "eval"]


def results(trainer: Trainer, random_nll: float) -> dict[str, float]:
    lines = eval_lines(trainer.run_dir.root)
    mle = [line for line in lines if line.get("phase") == "mle"]
    game = [line for line in lines if "phase" not in line]
    return {"random": random_nll, "mle": mle[-1]["eval/nll_oracle"],
            "seqgan": game[-1]["eval/nll_oracle"],
            "seqgan_best": min(line["eval/nll_oracle"] for line in game),
            "seqgan_best_step": min(game, key=lambda line: line["eval/nll_oracle"])["step"]}


def table(values: dict[str, float], minutes: dict[str, float],
          wall_minutes: dict[str, float] | None) -> str:
    lines = ["| generator | paper (Table 1) | authors' log | gankit | CPU minutes | wall minutes |",
             "|---|---|---|---|---|---|"]
    for key, name in ROWS.items():
        wall = f"{wall_minutes[key]:.1f}" if wall_minutes else "–"
        lines.append(f"| {name} | {PAPER[key]} | {AUTHORS_LOG[key]} | {values[key]:.3f} | "
                     f"{minutes[key]:.1f} | {wall} |")
    return "\n".join(lines)


def report(row: dict) -> str:
    """The table, the CPU minutes of each part and the lowest score of the game, from the
    summary a finished run prints (and --jsonl keeps)."""
    seconds, total = row["cpu_seconds"], row["total_cpu_seconds"]
    wall = row.get("wall_seconds")
    minutes = phase_minutes(seconds)
    values = row["values"]
    parts = (f"CPU minutes on {row.get('threads', 1)} thread(s): MLE steps {minutes['mle']:.1f}, "
             f"D pre-training {pretraining_seconds(seconds) / 60:.1f}, adversarial steps "
             f"{seconds['game'] / 60:.1f}, evaluation and logging "
             f"{(total - sum(seconds.values())) / 60:.1f}, total {total / 60:.1f}.")
    best = (f"Lowest adversarial NLL_oracle {values['seqgan_best']:.3f} at step "
            f"{values['seqgan_best_step']}.")
    return "\n".join([table(values, minutes, phase_minutes(wall) if wall else None), "",
                      parts, best])


def preset_table(rows: list[dict], link: str | None = None) -> str:
    """One row per preset (with the overrides it ran with): NLL_oracle after MLE and after the
    game, mean and range over its runs, beside the paper's."""
    by_preset: dict[str, list[dict]] = {}
    for row in rows:
        name = " ".join([row["preset"], *row.get("overrides", [])])
        by_preset.setdefault(name, []).append(row)
    lines = ["| preset | runs | NLL_oracle after MLE | after the game | paper (MLE, SeqGAN) |",
             "|---|---|---|---|---|"]
    for name, runs in by_preset.items():
        preset, _, overrides = name.partition(" ")
        shown = linked(preset, link) + (f" `{overrides}`" if overrides else "")
        lines.append(f"| {shown} | {len(runs)} | "
                     f"{mean_range([r['values']['mle'] for r in runs], '.3f')} | "
                     f"{mean_range([r['values']['seqgan'] for r in runs], '.3f')} | "
                     f"{PAPER['mle']}, {PAPER['seqgan']} |")
    return "\n".join(lines)


def phase_minutes(seconds: dict[str, float]) -> dict[str, float]:
    return {"random": 0.0, "mle": seconds["mle"] / 60,
            "seqgan": (pretraining_seconds(seconds) + seconds["game"]) / 60}


def pretraining_seconds(seconds: dict[str, float]) -> float:
    """The critic's pre-training time (named pretrain_d in runs before gankit 0.2)."""
    return seconds["pretrain_critic"] if "pretrain_critic" in seconds else seconds["pretrain_d"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="run directory to create (required unless --table-from)")
    parser.add_argument("--preset", default=PRESET, choices=[PRESET, f"{PRESET}-fast"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--resume", action="store_true",
                        help="go on with the stopped run in --out (no overrides)")
    parser.add_argument("overrides", nargs="*", metavar="key=value",
                        help="changes to the preset (e.g. n_critic=50)")
    parser.add_argument("--jsonl", type=Path, default=None,
                        help="also append the finished run's summary here")
    add_table_arguments(parser, presets=True)
    args = parser.parse_args(argv)
    if args.table_from:
        rows = read_rows(args.table_from)
        print(preset_table(rows, args.link) if args.presets
              else "\n\n".join(report(row) for row in rows))
        return 0
    if not args.out:
        parser.error("--out is required to train")
    torch.set_num_threads(args.threads)
    if args.resume and args.overrides:
        parser.error("--resume goes on with the run's own settings: give no overrides")
    kept = Path(args.out) / "benchmark.json"
    if args.resume:
        trainer, so_far = resume_run(args.out), json.loads(kept.read_text())
    else:
        overrides = ["device=cpu", *args.overrides, f"out={args.out}", "log.progress=false"]
        trainer, so_far = start_run(load_config(args.preset, overrides)), {}
    if trainer.evaluator.plan is None:
        parser.error("the benchmark reads NLL_oracle from training: keep eval.every > 0")

    started = time.process_time() - so_far.get("total_cpu_seconds", 0.0)
    random_nll = so_far.get("random") or trainer.evaluator.evaluate(
        trainer.sampling_generator())["nll_oracle"]
    seconds, wall = timed_steps(trainer, so_far)
    kept.write_text(json.dumps({**so_far, "random": random_nll}))  # kept even if killed
    trainer.fit()
    total = time.process_time() - started
    kept.write_text(json.dumps({"random": random_nll, "cpu_seconds": seconds,
                                "wall_seconds": wall, "total_cpu_seconds": total}))
    tokens = sample_generator(trainer.sampling_generator(), trainer.config.z_dim, 10000, 0)
    np.savez_compressed(trainer.run_dir.root / "tokens.npz", tokens=tokens.numpy())
    if trainer.state.rounds < trainer.config.steps:
        why = trainer.stop_signal or "no signal"
        print(f"stopped at step {trainer.state.rounds} of {trainer.config.steps} ({why}); wall seconds "
              f"so far: {json.dumps(dict(wall))}; last evaluations: "
              f"{json.dumps(eval_lines(trainer.run_dir.root)[-3:])}; samples at the stop in "
              f"{trainer.run_dir.root / 'tokens.npz'}; --resume goes on", file=sys.stderr)
        return 1

    values = results(trainer, random_nll)
    summary = {"values": values, "cpu_seconds": dict(seconds), "total_cpu_seconds": total,
               "wall_seconds": dict(wall), "device": str(trainer.parts.device),
               "precision": trainer.config.precision}
    argv_shown = sys.argv[1:] if argv is None else argv
    print(f"    python benchmarks/seqgan_oracle.py {shlex.join(argv_shown)}\n")
    print(report({**summary, "threads": args.threads}))
    print(f"Samples in {trainer.run_dir.root / 'tokens.npz'}.")
    print(json.dumps(summary))
    if args.jsonl:
        with args.jsonl.open("a") as handle:
            handle.write(json.dumps({"preset": args.preset, "overrides": args.overrides,
                                     "threads": args.threads, **summary}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
