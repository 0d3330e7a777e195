"""Kill a training run with SIGKILL at random instants, resume it each time, and compare it with
a run never interrupted: every tensor of the generator, critic, EMA and optimiser states.

One run is killed `--kills` times (every third kill lands during a checkpoint write: the save
is slowed with GANKIT_TEST_SLOW_SAVE and the process is killed as soon as the write's
temporary file appears); after each kill it resumes from its newest good checkpoint. Both runs
keep every checkpoint, so the first checkpoint written after each resume is compared with the
uninterrupted run's at the same step, and the final states are compared too.

    python benchmarks/crash.py                 # 20 kills: prints "20/20 bitwise equal"
    python benchmarks/crash.py --kills 3 --steps 120
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

from gankit.training.checkpoints.files import read_checkpoint

STATE = ("generator", "critic", "generator_ema", "g_opt", "d_opt")


def settings(steps: int) -> list[str]:
    return ["ns-ring", f"steps={steps}", "ema=0.99", "batch_size=64", "log.every=10",
            "log.checkpoint_every=25", "log.keep_checkpoints=1000", "log.progress=false",
            "log.tensorboard=false", "log.sample_every=100000", "net_options.g_hidden=64",
            "net_options.d_hidden=64", "device=cpu", "precision=fp32", "seed=3"]


def gankit(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gankit", "train", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "OMP_NUM_THREADS": "1", **(env or {})})


def kill_somewhere(process: subprocess.Popen, run: Path, during_save: bool,
                   rng: random.Random) -> None:
    """SIGKILL at a random instant, or right after a checkpoint write begins."""
    deadline = time.time() + (60 if during_save else rng.uniform(0.5, 4.0))
    folder = run / "checkpoints"
    while time.time() < deadline and process.poll() is None:
        if during_save and folder.is_dir() and any(folder.glob(".step-*.tmp")):
            break
        time.sleep(0.005)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


def checkpoints(run: Path) -> dict[int, Path]:
    return {int(p.stem.split("-")[1]): p for p in (run / "checkpoints").glob("step-*.pt")}


def newest_indexed(run: Path) -> int:
    """The step of the newest checkpoint the index names (-1 before the first)."""
    try:
        index = json.loads((run / "checkpoints" / "index.json").read_text())
    except (OSError, ValueError):
        return -1
    return max((entry["steps_done"] for entry in index["checkpoints"]), default=-1)


def first_difference(a: object, b: object, where: str = "") -> str | None:
    if torch.is_tensor(a):
        same = torch.is_tensor(b) and a.shape == b.shape and torch.equal(a, b)
        return None if same else where
    if isinstance(a, dict):
        if not isinstance(b, dict) or a.keys() != b.keys():
            return where or "keys"
        return next((d for k in a if (d := first_difference(a[k], b[k], f"{where}/{k}"))), None)
    if isinstance(a, (list, tuple)):
        if not isinstance(b, (list, tuple)) or len(a) != len(b):
            return where
        return next((d for i, (x, y) in enumerate(zip(a, b))
                     if (d := first_difference(x, y, f"{where}[{i}]"))), None)
    return None if a == b else where


def compare(ours: Path, reference: Path) -> str | None:
    mine, theirs = read_checkpoint(ours), read_checkpoint(reference)
    return first_difference({k: mine[k] for k in STATE}, {k: theirs[k] for k in STATE})


def start(run: Path, steps: int, slow: bool = False) -> subprocess.Popen:
    """The run's next process: a new run, or the suggested resume command."""
    env = {"GANKIT_TEST_SLOW_SAVE": "0.5"} if slow else None
    if (run / "config.yaml").is_file():
        return gankit("--resume", str(run), env=env)
    return gankit(*settings(steps), f"out={run}", env=env)


def interrupted_run(root: Path, steps: int, kills: int, seed: int) -> list[int]:
    """Kill and resume `kills` times; return, per kill, the newest checkpoint before it."""
    run, rng, before = root / "killed", random.Random(seed), []
    for kill in range(kills):
        slow = kill % 3 == 2  # this process's writes are slowed so the kill lands inside one
        kill_somewhere(start(run, steps, slow), run, slow, rng)
        before.append(newest_indexed(run))
    process = start(run, steps)
    if process.wait() != 0:
        raise SystemExit(f"the final resume failed: {process.stderr.read().strip()}")
    return before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--steps", type=int, default=600)
    parser.add_argument("--seed", type=int, default=0, help="seed of the kill instants")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        reference = gankit(*settings(args.steps), f"out={root / 'reference'}")
        if reference.wait() != 0:
            raise SystemExit(reference.stderr.read())
        before = interrupted_run(root, args.steps, args.kills, args.seed)
        ours, theirs = checkpoints(root / "killed"), checkpoints(root / "reference")
        equal = 0
        for kill, last_good in enumerate(before, 1):
            after = min(step for step in ours if step > last_good)
            difference = compare(ours[after], theirs[after])
            if difference:
                print(f"kill {kill}: step {after} differs first at {difference}")
                return 1
            equal += 1
        final = compare(ours[max(ours)], theirs[max(theirs)])
        if final or max(ours) != max(theirs):
            print(f"the final states differ at {final or 'their step'}")
            return 1
        print(f"{equal}/{args.kills} bitwise equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
