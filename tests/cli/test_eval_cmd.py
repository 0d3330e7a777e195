"""`gankit eval` end to end: run directories, hand-made .npz files, and every error path."""

import json

import numpy as np
import pytest

from gankit.cli.main import main
from gankit.data import load_dataset


def run_cli(*args):
    return main([str(a) for a in args])


def printed(capsys):
    """The one JSON object on stdout."""
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1
    return json.loads(out)


@pytest.fixture
def ring_run(tmp_path, tiny_ring_overrides):
    assert run_cli("train", "ns-ring", "steps=6", *tiny_ring_overrides) == 0
    return tmp_path / "run"


@pytest.fixture
def ring_npz(tmp_path):
    """Exactly one point on each of the ring's eight modes."""
    path = tmp_path / "points.npz"
    np.savez(path, points=load_dataset("ring").centers.numpy())
    return path


@pytest.fixture
def digits_npz(tmp_path):
    path = tmp_path / "images.npz"
    images = load_dataset("digits", {"image_size": 28, "limit": 40}).images
    np.savez(path, images=images.permute(0, 2, 3, 1).numpy())
    return path


def test_eval_a_run(ring_run, capsys):
    assert run_cli("eval", ring_run, "--n", 300, "--seed", 2) == 0
    result = printed(capsys)
    assert result["metric_set"] == "mode-coverage" and result["data"] == "ring"
    assert (result["n"], result["seed"], result["total_modes"]) == (300, 2, 8)
    assert {"modes", "high_quality", "kl", "mode_score"} <= set(result)


def test_append_writes_one_eval_line(ring_run, capsys):
    before = (ring_run / "metrics.jsonl").read_text().splitlines()
    assert run_cli("eval", ring_run, "--n", 100, "--append") == 0
    result = printed(capsys)
    lines = (ring_run / "metrics.jsonl").read_text().splitlines()
    assert lines[:-1] == before
    record = json.loads(lines[-1])
    assert record["step"] == 6 and record["event"] == "eval"
    assert record["eval/modes"] == result["modes"] and record["eval/n"] == 100


def test_eval_points_npz(ring_npz, capsys):
    assert run_cli("eval", ring_npz, "--data", "ring") == 0
    result = printed(capsys)
    assert (result["modes"], result["high_quality"], result["n"]) == (8, 100.0, 8)
    assert result["kl"] == 0.0


def test_no_high_quality_samples_print_strict_json(tmp_path, capsys):
    np.savez(tmp_path / "far.npz", points=np.full((5, 2), 9.0))
    assert run_cli("eval", tmp_path / "far.npz", "--data", "ring") == 0
    assert printed(capsys)["kl"] is None  # infinite KL; JSON has no Infinity


def test_eval_images_npz(digits_npz, classifier_cache, capsys):
    assert run_cli("eval", digits_npz, "--data", "digits", "--n", 30) == 0
    result = printed(capsys)
    assert result["extractor"].startswith("classifier:digits:")
    assert (result["n_fake"], result["n_real"], result["image_size"]) == (30, 30, 28)
    assert {"fid", "kid_mean", "precision", "recall", "density", "coverage"} <= set(result)


def test_eval_image_run(tmp_path, classifier_cache, capsys):
    overrides = ["data=digits", "data_options.limit=64", "net=dcgan", "net_options.width=8",
                 "data_options.image_size=28", "steps=2", "batch_size=8", "log.progress=false",
                 "log.tensorboard=false", "device=cpu", f"out={tmp_path / 'img'}"]
    assert run_cli("train", *overrides) == 0
    assert run_cli("eval", tmp_path / "img", "--n", 20) == 0
    result = printed(capsys)
    assert result["dataset"] == "digits" and result["n_fake"] == 20


def test_sample_best_needs_a_best_checkpoint(ring_run, tmp_path, capsys):
    assert run_cli("sample", ring_run, "--checkpoint", "best", "--out", tmp_path / "b.npz") == 2
    assert "no best checkpoint" in capsys.readouterr().err


def write(path, **arrays):
    np.savez(path, **arrays)
    return path


@pytest.mark.parametrize("make_args, message", [
    (lambda p: [p / "missing.npz", "--data", "ring"], "no run directory or samples file"),
    (lambda p: [write(p / "k.npz", x=np.ones(3)), "--data", "ring"], "none of 'images'"),
    (lambda p: [write(p / "s.npz", points=np.ones((4, 3))), "--data", "ring"], "N×2"),
    (lambda p: [write(p / "s.npz", points=np.ones((4, 2))), "--data", "ring", "--n", 5],
     "only 4"),
    (lambda p: [write(p / "s.npz", points=np.ones((4, 2)))], "--data NAME is required"),
    (lambda p: [write(p / "s.npz", points=np.ones((4, 2))), "--data", "ring", "--append"],
     "--append needs a run directory"),
    (lambda p: [write(p / "s.npz", points=np.ones((4, 2))), "--data", "ring", "--features",
                "nope"], "unknown extractor 'nope'"),
    (lambda p: [p, "--data", "ring"], "not a gankit run directory"),
])
def test_errors_are_one_line_exit_2(tmp_path, capsys, make_args, message):
    assert run_cli("eval", *make_args(tmp_path)) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert err.startswith("gankit: error:") and message in err and "\n" not in err
    assert captured.out == ""


def test_missing_classifier(digits_npz, empty_cache, capsys):
    assert run_cli("eval", digits_npz, "--data", "digits") == 2
    err = capsys.readouterr().err.strip()
    assert "no domain classifier" in err and "gankit train-classifier --data digits" in err
    assert "\n" not in err


def test_inception_weights_absent_or_wrong(digits_npz, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("GANKIT_INCEPTION_WEIGHTS", raising=False)
    args = ["eval", digits_npz, "--data", "digits", "--features", "inception-v3-fid"]
    assert run_cli(*args) == 2
    err = capsys.readouterr().err.strip()
    assert "needs a local weights file" in err and "GANKIT_INCEPTION_WEIGHTS" in err
    assert run_cli(*args, "--inception-weights", tmp_path / "none.pth") == 2
    assert "no Inception weights file" in capsys.readouterr().err
    (tmp_path / "wrong.pth").write_bytes(b"not the weights")
    assert run_cli(*args, "--inception-weights", tmp_path / "wrong.pth") == 2
    assert "is not the FID Inception weights" in capsys.readouterr().err
    assert run_cli("eval", digits_npz, "--data", "digits", "--inception-weights", "x") == 2
    assert "--inception-weights is for --features inception-v3-fid" in capsys.readouterr().err
