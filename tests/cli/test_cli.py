"""End-to-end: every verb through `gankit.cli.main.main`, on tiny data."""

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from gankit.cli.main import main


def run_cli(*args):
    return main([str(a) for a in args])


@pytest.fixture
def ring_run(tmp_path, tiny_ring_overrides):
    assert run_cli("train", "ns-ring", "steps=6", *tiny_ring_overrides) == 0
    return tmp_path / "run"


def test_list_names_every_kind(capsys):
    assert run_cli("list") == 0
    out = capsys.readouterr().out
    for section in ("objectives:", "penalties:", "nets:", "datasets:", "presets:"):
        assert section in out
    for name in ("minimax", "ns", "lsgan", "wgan", "wgan-gp", "hinge", "gp", "dragan", "r1",
                 "mlp", "dcgan", "infogan", "fashion-mnist", "ring", "grid", "ns-ring"):
        assert f"  {name} " in out


def test_train_writes_run_directory(ring_run):
    assert (ring_run / "config.yaml").is_file()
    assert (ring_run / "checkpoints" / "last.pt").is_file()
    assert sorted(p.name for p in (ring_run / "samples").iterdir()) == [
        "step_0000005.png", "step_0000006.png"]
    records = [json.loads(line) for line in (ring_run / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in records] == [2, 4, 6]
    assert {"critic/real", "critic/fake", "generator/adv", "critic/loss", "generator/loss",
            "steps_per_s"} <= set(records[0])


def test_tensorboard_events_are_written(tmp_path, tiny_ring_overrides):
    overrides = [o for o in tiny_ring_overrides if not o.startswith("log.tensorboard")]
    assert run_cli("train", "steps=2", *overrides) == 0
    assert list((tmp_path / "run" / "tensorboard").glob("events.out.tfevents.*"))


def test_sample_npz_and_png(ring_run, tmp_path):
    assert run_cli("sample", ring_run, "--n", 30, "--out", tmp_path / "s.npz") == 0
    with np.load(tmp_path / "s.npz") as data:
        assert list(data) == ["points"]
        assert data["points"].shape == (30, 2) and data["points"].dtype == np.float32
    assert run_cli("sample", ring_run, "--n", 30, "--out", tmp_path / "s.png") == 0
    assert Image.open(tmp_path / "s.png").size[0] > 100


def test_sample_images(tmp_path):
    overrides = ["data=digits", "data_options.limit=64", "net=dcgan", "net_options.width=8",
                 "data_options.image_size=32", "steps=2", "batch_size=8", "log.progress=false",
                 "log.tensorboard=false", f"out={tmp_path / 'img'}"]
    assert run_cli("train", *overrides) == 0
    assert run_cli("sample", tmp_path / "img", "--n", 5, "--out", tmp_path / "i.npz") == 0
    with np.load(tmp_path / "i.npz") as data:
        assert data["images"].shape == (5, 32, 32, 1) and data["images"].dtype == np.uint8
    assert run_cli("sample", tmp_path / "img", "--n", 5, "--out", tmp_path / "i.png") == 0


def test_resume_continues(ring_run):
    assert run_cli("train", "--resume", ring_run, "steps=8") == 0
    records = [json.loads(line) for line in (ring_run / "metrics.jsonl").read_text().splitlines()]
    assert records[-1]["step"] == 8


@pytest.mark.parametrize("args, message", [
    (["train", "objective=nope"], "unknown objective 'nope'"),
    (["train", "stepz=10"], "unknown key 'stepz'"),
    (["train", "steps=many"], "steps must be an integer"),
    (["train", "no-such-preset"], "unknown preset"),
    (["train", "data=mnist"], "mnist"),
    (["train", "data=folder:/no/such/folder"], "/no/such/folder"),
    (["sample", "/no/such/run", "--out", "x.npz"], "not a gankit run directory"),
])
def test_bad_input_is_one_line_exit_2(args, message, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("GANKIT_DATA", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert run_cli(*args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("gankit: error:") and message in err and "\n" not in err
    assert not (tmp_path / "runs").exists()


def test_existing_run_is_not_overwritten(ring_run, capsys):
    before = (ring_run / "checkpoints" / "last.pt").read_bytes()
    assert run_cli("train", "data=ring", f"out={ring_run}") == 2
    assert "already holds a run" in capsys.readouterr().err
    assert (ring_run / "checkpoints" / "last.pt").read_bytes() == before


def test_foreign_checkpoint_is_refused(ring_run, tmp_path, tiny_ring_overrides, capsys):
    other = [o for o in tiny_ring_overrides if not o.startswith(("out=", "z_dim"))]
    assert run_cli("train", "steps=1", "z_dim=3", *other, f"out={tmp_path / 'other'}") == 0
    (ring_run / "checkpoints" / "last.pt").write_bytes(
        (tmp_path / "other" / "checkpoints" / "last.pt").read_bytes())
    assert run_cli("sample", ring_run, "--out", tmp_path / "x.npz") == 2
    assert "another model" in capsys.readouterr().err
    assert not (tmp_path / "x.npz").exists()


def test_resume_refuses_model_changes(ring_run, capsys):
    assert run_cli("train", "--resume", ring_run, "objective=wgan") == 2
    assert "cannot change objective" in capsys.readouterr().err


def test_sample_keeps_existing_file_on_error(ring_run, tmp_path):
    target = tmp_path / "keep.npz"
    target.write_bytes(b"precious")
    assert run_cli("sample", ring_run, "--n", 0, "--out", target) == 2
    assert target.read_bytes() == b"precious"


def test_python_dash_m_and_usage_errors():
    done = subprocess.run([sys.executable, "-m", "gankit", "list"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and "objectives:" in done.stdout
    done = subprocess.run([sys.executable, "-m", "gankit", "frobnicate"], capture_output=True,
                          check=False,
                          text=True)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
