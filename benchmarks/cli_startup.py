"""How long the `gankit` command takes to answer: each command runs as a fresh process
(`python -m gankit ...`) `--runs` times; the table gives the median, fastest and slowest wall
time, the exit code and whether the process imported torch.

    PYTHONPATH=src OMP_NUM_THREADS=1 python benchmarks/cli_startup.py
    python benchmarks/cli_startup.py --runs 9

Nothing here trains: the train commands are configuration errors, which stop before any work.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from importlib.metadata import version

COMMANDS = (
    ("list",),
    ("--help",),
    ("train", "--help"),
    ("train", "objectve=ns"),
    ("train", "ns-ring", "steps=abc"),
)
# `-X importtime` writes one line per module imported, ending in its indented dotted name.
TORCH_LINE = re.compile(r"\|\s+torch$", re.MULTILINE)


def time_once(args: tuple[str, ...]) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "gankit", *args], capture_output=True,
                          check=False)
    return time.perf_counter() - started, done.returncode


def imports_torch(args: tuple[str, ...]) -> bool:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "gankit", *args],
                          capture_output=True, text=True, check=False)
    return TORCH_LINE.search(done.stderr) is not None


def measure(args: tuple[str, ...], runs: int) -> dict:
    times, codes = zip(*(time_once(args) for _ in range(runs)))
    return {"command": "gankit " + " ".join(args), "median": statistics.median(times),
            "min": min(times), "max": max(times), "rc": codes[-1], "torch": imports_torch(args)}


def table(rows: list[dict]) -> str:
    lines = ["| command | median s | min s | max s | exit | imports torch |",
             "|---|---|---|---|---|---|"]
    lines += [f"| `{r['command']}` | {r['median']:.2f} | {r['min']:.2f} | {r['max']:.2f} | "
              f"{r['rc']} | {'yes' if r['torch'] else 'no'} |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="processes per command (default 5)")
    args = parser.parse_args()
    rows = [measure(command, args.runs) for command in COMMANDS]
    print(f"python {platform.python_version()}, torch {version('torch')}, "
          f"{os.cpu_count()} CPUs ({platform.machine()}), {args.runs} runs each")
    print(table(rows))


if __name__ == "__main__":
    main()
