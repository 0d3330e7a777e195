"""Stopping and resuming without losing or repeating anything: SIGTERM saves like Ctrl-C, an
extended run killed with SIGKILL or SIGTERM resumes to its new length with every step once in
metrics.jsonl, and a run shorter than log.every still writes its scalars."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from gankit.config.load import load_config
from gankit.training.runs import start_run

ENV = {**os.environ, "OMP_NUM_THREADS": "1"}


def train(*args, **popen):
    return subprocess.Popen([sys.executable, "-m", "gankit", "train", *map(str, args)],
                            stderr=subprocess.PIPE, text=True, env=ENV, **popen)


def wait_for_progress(run, at_least):
    """Until metrics.jsonl reaches `at_least` steps (the run is then mid-way)."""
    deadline = time.time() + 120
    while time.time() < deadline:
        rows = (run / "metrics.jsonl").read_text().splitlines() if (
            run / "metrics.jsonl").exists() else []
        if rows and json.loads(rows[-1])["at"] >= at_least:
            return
        time.sleep(0.05)
    raise AssertionError("the run made no progress")


def logged_steps(run):
    return [json.loads(line)["at"] for line in (run / "metrics.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM])
def test_an_extended_run_interrupted_resumes_to_its_new_length(tmp_path, tiny_ring_overrides,
                                                               kill):
    run = tmp_path / "run"
    base = [*tiny_ring_overrides, "log.every=1", "log.checkpoint_every=25",
            "net_options.g_hidden=64", "net_options.d_hidden=64"]
    assert train(*base, "steps=20").wait() == 0
    extended = train("--resume", run, "steps=200", "log.progress=false")
    wait_for_progress(run, 60)
    extended.send_signal(kill)
    code = extended.wait()
    err = extended.stderr.read()
    if kill == signal.SIGTERM:
        assert code == 130 and "Continue with `gankit train --resume" in err
    resumed = train("--resume", run)
    assert resumed.wait() == 0, resumed.stderr.read()
    steps = logged_steps(run)
    assert steps == list(range(1, 201))  # every step once, to the extended length


def test_sigterm_saves_like_ctrl_c(tmp_path, tiny_ring_overrides):
    run = tmp_path / "run"
    process = train(*tiny_ring_overrides, "steps=100000", "log.every=1",
                    "log.checkpoint_every=100000")
    wait_for_progress(run, 30)
    process.send_signal(signal.SIGTERM)
    assert process.wait() == 130
    index = json.loads((run / "checkpoints" / "index.json").read_text())
    assert index["checkpoints"][-1]["steps_done"] >= 30


def test_a_run_shorter_than_log_every_writes_its_scalars(tmp_path, tiny_ring_overrides):
    config = load_config(None, tiny_ring_overrides + ["steps=3", "log.every=50"])
    start_run(config).fit()
    rows = [json.loads(line) for line in (tmp_path / "run" / "metrics.jsonl").open()]
    assert len(rows) == 1 and rows[0]["at"] == 3 and "critic/loss" in rows[0]
