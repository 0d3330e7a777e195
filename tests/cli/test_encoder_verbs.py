"""End-to-end: encode, reconstruct and interpolate on a tiny O-GAN run over the 8×8 digits."""

import numpy as np
import pytest
from PIL import Image

import gankit
from gankit.cli.main import main


def run_cli(*args):
    return main([str(a) for a in args])


TINY = ["data=digits", "net=mlp", "net_options.g_hidden=16", "net_options.d_hidden=16",
        "wrappers.ogan.weight=0.5", "z_dim=6", "batch_size=16", "steps=4", "log.every=2",
        "log.sample_every=4", "log.checkpoint_every=4", "log.progress=false",
        "log.tensorboard=false", "device=cpu"]


@pytest.fixture(scope="module")
def ogan_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("ogan") / "run"
    assert run_cli("train", "objective=gan-qp", *TINY, f"out={out}") == 0
    return out


def test_training_logs_the_heldout_diagnostics(ogan_run):
    text = (ogan_run / "metrics.jsonl").read_text()
    assert "diag/heldout_rho" in text and "diag/heldout_recon_error" in text
    assert "critic/correlation" in text and "generator/rho" in text


def test_encode_writes_standardised_codes_and_labels(ogan_run, tmp_path):
    assert run_cli("encode", ogan_run, "--n", 40, "--out", tmp_path / "codes.npz") == 0
    with np.load(tmp_path / "codes.npz") as data:
        codes, labels = data["codes"], data["labels"]
    assert codes.shape == (40, 6) and codes.dtype == np.float32 and labels.shape == (40,)
    np.testing.assert_allclose(codes.mean(axis=1), 0, atol=1e-5)
    np.testing.assert_allclose(codes.std(axis=1), 1, atol=1e-4)


def test_reconstruct_png_and_npz(ogan_run, tmp_path):
    assert run_cli("reconstruct", ogan_run, "--n", 8, "--temperature", 0.9,
                   "--out", tmp_path / "r.npz") == 0
    with np.load(tmp_path / "r.npz") as data:
        assert data["originals"].shape == data["reconstructions"].shape == (8, 8, 8, 1)
        assert data["reconstructions"].dtype == np.uint8
    assert run_cli("reconstruct", ogan_run, "--n", 8, "--out", tmp_path / "r.png") == 0
    assert Image.open(tmp_path / "r.png").size[0] > 0


def test_interpolate_png(ogan_run, tmp_path):
    assert run_cli("interpolate", ogan_run, "--pairs", 3, "--steps", 5,
                   "--out", tmp_path / "i.png") == 0
    width, height = Image.open(tmp_path / "i.png").size
    assert width > height  # 3 rows of 7 tiles


def test_python_api(ogan_run):
    codes = gankit.encode(ogan_run, n=5)
    assert codes.shape == (5, 6)
    images = gankit.reconstruct(ogan_run, n=3, temperature=0.9)
    assert images.shape == (3, 1, 8, 8) and images.abs().max() <= 1


@pytest.mark.parametrize("args,message", [
    (["--split", "test"], "has no splits"),
    (["--n", 0], "n must be between"),
    (["--data", "ring"], "needs images"),
])
def test_bad_input_is_one_line(ogan_run, tmp_path, capsys, args, message):
    assert run_cli("encode", ogan_run, *args, "--out", tmp_path / "c.npz") == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "c.npz").exists()


def test_a_run_without_encoder_is_refused(tmp_path, tiny_ring_overrides, capsys):
    assert run_cli("train", "ns-ring", "steps=2", *tiny_ring_overrides) == 0
    assert run_cli("encode", tmp_path / "run", "--out", tmp_path / "c.npz") == 2
    assert "wrappers.ogan" in capsys.readouterr().err


def test_wrong_out_suffix(ogan_run, tmp_path, capsys):
    assert run_cli("interpolate", ogan_run, "--out", tmp_path / "i.npz") == 2
    assert "--out must end in .png" in capsys.readouterr().err


@pytest.mark.parametrize("items,message", [
    (["objective=began"], "one score per sample"),
    (["z_dim=2"], "z_dim of at least 3"),
    (["wrappers.ogan.weight=-1"], "wrappers.ogan.weight"),
    (["wrappers.ogan.nope=1"], "wrappers.ogan"),
    (["wrappers.ganz={}"], "unknown wrapper 'ganz'"),
])
def test_bad_encoder_configs(tmp_path, capsys, items, message):
    base = [t for t in TINY if not t.startswith("z_dim")] + ["z_dim=6"]
    assert run_cli("train", *base, *items, f"out={tmp_path / 'x'}") == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_a_conditional_run_reconstructs_with_the_true_labels_and_says_so(tmp_path, capsys):
    out = tmp_path / "cond"
    assert run_cli("train", "objective=gan-qp", *TINY, "conditional=true", f"out={out}") == 0
    capsys.readouterr()
    assert run_cli("reconstruct", out, "--n", 8, "--out", tmp_path / "r.npz") == 0
    assert "each decoded with its image's true label" in capsys.readouterr().err
    assert np.load(tmp_path / "r.npz")["reconstructions"].shape[0] == 8
