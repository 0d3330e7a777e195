"""Conditional runs end to end on a tiny ring: train, sample by class, evaluate by class, and
the mistakes a new user makes (each one line, exit 2)."""

import json

import numpy as np
import pytest
import torch

from gankit.cli.main import main
from gankit.config.load import load_config
from gankit.training.runs import resume_run, start_run


def run_cli(*args):
    return main([str(a) for a in args])


@pytest.fixture
def cond_run(tmp_path, tiny_ring_overrides):
    assert run_cli("train", "ns-ring", "conditional=true", "steps=6", *tiny_ring_overrides) == 0
    return tmp_path / "run"


def test_sample_a_class_by_name_or_index_and_npz_keeps_labels(cond_run, tmp_path, capsys):
    assert run_cli("sample", cond_run, "--class", "3", "--n", "7", "--out", tmp_path / "a.npz") == 0
    archive = np.load(tmp_path / "a.npz")
    assert archive["labels"].tolist() == [3] * 7 and archive["points"].shape == (7, 2)
    assert run_cli("sample", cond_run, "--per-class", "2", "--out", tmp_path / "b.npz") == 0
    assert np.load(tmp_path / "b.npz")["labels"].tolist() == [k for k in range(8) for _ in "ab"]


def test_per_class_grid_of_a_conditional_image_run(tmp_path, tiny_ring_overrides):
    base = [o for o in tiny_ring_overrides if not o.startswith(("data=", "net", "z_dim"))]
    assert run_cli("train", "conditional=true", "data=digits", "data_options.image_size=28",
                   "net=dcgan", "net_options.width=4", "z_dim=4", "steps=2", *base) == 0
    assert run_cli("sample", tmp_path / "run", "--per-class", "3",
                   "--out", tmp_path / "grid.png") == 0
    assert (tmp_path / "grid.png").stat().st_size > 0


@pytest.mark.parametrize("args, message", [
    (["--class", "sandal"], "no class 'sandal' in this run; its classes are: 0, 1, 2"),
    (["--class", "8"], "class index 8 is out of range: this run has 8 classes (0 to 7)"),
    ([], "is conditional: choose a class"),
    (["--class", "1", "--per-class", "2"], "either a class or samples per class"),
])
def test_bad_class_choices(cond_run, tmp_path, capsys, args, message):
    assert run_cli("sample", cond_run, *args, "--out", tmp_path / "x.npz") == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "x.npz").exists()


def test_an_unconditional_run_takes_no_class(tmp_path, tiny_ring_overrides, capsys):
    assert run_cli("train", "ns-ring", "steps=2", *tiny_ring_overrides) == 0
    capsys.readouterr()
    assert run_cli("sample", tmp_path / "run", "--class", "1", "--out", tmp_path / "x.npz") == 2
    assert "is not conditional" in capsys.readouterr().err


def test_eval_judges_a_conditional_run_by_class(cond_run, capsys):
    capsys.readouterr()
    assert run_cli("eval", cond_run, "--n", "400") == 0
    result = json.loads(capsys.readouterr().out)
    assert {"class_agreement", "class_high_quality", "class_high_quality_min", "modes"} <= set(
        result)


@pytest.mark.parametrize("args, message", [
    (["ebgan-ring", "conditional=true"], "objective 'ebgan' has no conditional form"),
    (["loss-sensitive-ring", "conditional=true"], "CLS-GAN"),
    (["seqgan-oracle", "conditional=true"], "token sequences carry no class labels"),
])
def test_objectives_without_a_conditional_form_refuse(tmp_path, capsys, args, message):
    assert run_cli("train", *args, f"out={tmp_path / 'r'}") == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "r").exists()


def test_unlabelled_data_refuses_conditional(tmp_path, capsys):
    np.savez(tmp_path / "x.npz", images=np.zeros((20, 8, 8), dtype=np.uint8))
    assert run_cli("train", f"data=npz:{tmp_path / 'x.npz'}", "net=mlp", "conditional=true",
                   f"out={tmp_path / 'r'}", "device=cpu") == 2
    assert "conditional=true needs labelled data" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_a_conditional_run_resumes_exactly(tmp_path, tiny_ring_overrides):
    base = [o for o in tiny_ring_overrides if not o.startswith("out=")]
    base += ["conditional=true", "steps=8", "net_options.conditioning=acgan"]
    whole = start_run(load_config(None, base + [f"out={tmp_path / 'whole'}"]))
    whole.fit()
    first = start_run(load_config(None, base + [f"out={tmp_path / 'split'}"]))
    first.config.steps = 5
    first.fit()
    resumed = resume_run(tmp_path / "split", ["steps=8"])
    resumed.fit()
    for a, b in zip(whole.parts.generator.state_dict().values(),
                    resumed.parts.generator.state_dict().values()):
        assert torch.equal(a, b)
