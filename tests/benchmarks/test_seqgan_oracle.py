"""benchmarks/seqgan_oracle.py on a tiny random oracle: a run stopped by a signal goes on with
--resume to the table, keeping the random generator's score and the phases' seconds so far."""

import json
import os
import signal
import sys

import pytest

from gankit.training.engine import Trainer

TINY = ["data_options.random_init=true", "data_options.n=40", "data_options.vocab=30",
        "data_options.hidden=6", "data_options.length=5", "z_dim=5", "batch_size=16",
        "net_options.filter_sizes=[1,2]", "net_options.filter_counts=[3,3]",
        "objective_options.rollouts=1", "objective_options.mle_epochs=1",
        "objective_options.mle_eval_epochs=1", "objective_options.d_pretrain_epochs=1",
        "objective_options.d_negative_sets=1", "objective_options.d_epochs=1", "steps=4",
        "eval.every=2", "eval.n=64", "log.tensorboard=false"]


def run_main(script, monkeypatch, *args):
    monkeypatch.setattr(sys, "argv", ["seqgan_oracle.py", *args])
    return script.main()


def test_a_stopped_run_resumes_to_the_table(load_script, monkeypatch, tmp_path, capsys):
    script = load_script("seqgan_oracle")
    out = tmp_path / "run"
    original, calls = Trainer.train_step, []

    def stop_after_the_first_round(trainer):
        original(trainer)
        calls.append(trainer.state.rounds)
        if trainer.state.rounds == 1:  # a SIGTERM, as a device call's time limit sends
            os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(Trainer, "train_step", stop_after_the_first_round)
    assert run_main(script, monkeypatch, "--out", str(out), *TINY) == 1
    assert "stopped at step 1 of 4 (SIGTERM)" in capsys.readouterr().err
    kept = json.loads((out / "benchmark.json").read_text())
    assert kept["random"] > 0 and kept["cpu_seconds"]["mle"] > 0

    monkeypatch.setattr(Trainer, "train_step", original)
    with pytest.raises(SystemExit):  # settings belong to the run
        run_main(script, monkeypatch, "--out", str(out), "--resume", "steps=8")
    assert run_main(script, monkeypatch, "--out", str(out), "--resume") == 0
    table = capsys.readouterr().out
    assert f"| random generator | 10.310 |  | {kept['random']:.3f} |" in table
    summary = json.loads(table.strip().splitlines()[-1])
    assert summary["values"]["random"] == kept["random"]
    assert summary["cpu_seconds"]["mle"] == kept["cpu_seconds"]["mle"]  # MLE ended before the stop
    assert summary["cpu_seconds"]["game"] > kept["cpu_seconds"]["game"]
