"""The end-of-run summary of `gankit train`: its lines, and the last evaluation it reads."""

import json
from pathlib import Path

from gankit.cli.main import main
from gankit.cli.summary import RunSummary, duration, read_last_eval, summary_lines

ROOT = Path("runs/x")
COVERAGE = {"n": 2500, "modes": 7, "total_modes": 8, "high_quality": 91.24, "kl": 0.0312}


def summary(**changes):
    base = {"root": ROOT, "samples": ROOT / "samples", "checkpoints": ROOT / "checkpoints",
            "steps": 5000, "seconds": 72.4,
            "losses": {"critic/loss": 1.23456, "generator/loss": 0.5, "critic/real": 9}}
    return RunSummary(**(base | changes))


def test_a_2d_run_says_what_it_did_where_it_is_how_good_and_what_next():
    assert summary_lines(summary(quality=COVERAGE)) == [
        "gankit: finished 5000 steps in 1 min 12 s; critic/loss 1.235, generator/loss 0.5",
        f"gankit: samples in {ROOT / 'samples'}, checkpoints in {ROOT / 'checkpoints'}",
        "gankit: mode coverage of 2500 samples: 7 of 8 modes, 91.2% high quality, KL 0.0312",
        (f"gankit: evaluate it with `gankit eval {ROOT}`, sample it with "
         f"`gankit sample {ROOT} --n 64 --out samples.png`"),
    ]


def test_resumed_conditional_image_run_with_evaluations():
    record = {"step": 4000, "event": "eval", "eval/fid": 41.234, "eval/kid_mean": 0.0312,
              "eval/n": 5000, "eval/extractor": "domain-classifier", "eval/precision": None}
    lines = summary_lines(summary(started_at=3000, kind="images", conditional=True, losses={},
                                  last_eval=record))
    assert lines[0] == "gankit: finished 5000 steps (2000 of them in 1 min 12 s)"
    assert lines[2] == "gankit: last evaluation (step 4000): fid 41.23, kid_mean 0.0312"
    assert lines[3].endswith(f"`gankit sample {ROOT} --per-class 8 --out samples.png`")


def test_an_evaluation_at_the_last_step_is_not_repeated_beside_the_coverage():
    record = {"step": 5000, "event": "eval", "eval/modes": 7}
    assert len(summary_lines(summary(quality=COVERAGE, last_eval=record))) == 4
    record["step"] = 4000
    assert "last evaluation (step 4000): modes 7" in summary_lines(
        summary(quality=COVERAGE, last_eval=record))[3]


def test_token_runs_sample_to_text_and_skip_eval_without_an_oracle():
    assert summary_lines(summary(kind="tokens", evaluable=False))[-1] == (
        f"gankit: sample it with `gankit sample {ROOT} --n 64 --out samples.txt`")


def test_durations():
    assert [duration(s) for s in (0.04, 59.94, 60, 3599, 7620)] == [
        "0.0 s", "59.9 s", "1 min 00 s", "59 min 59 s", "2 h 07 min"]


def test_read_last_eval_skips_other_lines_and_a_torn_one(tmp_path):
    metrics = tmp_path / "metrics.jsonl"
    assert read_last_eval(metrics) is None
    lines = [{"step": 2, "event": "eval", "eval/fid": 3.0}, {"step": 4, "critic/loss": 1.0},
             {"step": 4, "event": "eval", "eval/fid": 2.0}, {"step": 6, "critic/loss": 0.5}]
    metrics.write_text("".join(json.dumps(r) + "\n" for r in lines) + '{"step": 8, "ev')
    assert read_last_eval(metrics) == lines[2]


def test_train_prints_the_summary(tmp_path, tiny_ring_overrides, capsys):
    assert main(["train", "ns-ring", "steps=6", "eval.every=3", *tiny_ring_overrides]) == 0
    err = capsys.readouterr().err.splitlines()
    run = tmp_path / "run"
    assert err[1].startswith("gankit: finished 6 steps in ") and "critic/loss" in err[1]
    assert err[2] == f"gankit: samples in {run / 'samples'}, checkpoints in {run / 'checkpoints'}"
    assert err[3].startswith("gankit: mode coverage of 2500 samples: ")
    assert err[-1].startswith(f"gankit: evaluate it with `gankit eval {run}`")
