"""A path too long for the system to look up is one line and exit 2, like any missing path
(Python 3.11 raises OSError where 3.13 answers False)."""

import pytest

from gankit.cli.main import main

LONG = "x" * 300  # one name longer than any file system allows (255 bytes)


@pytest.mark.parametrize("args, message", [
    (["train", LONG], "unknown preset"),
    (["train", f"{LONG}.yaml"], "does not exist"),
    (["train", "--resume", LONG], "is not a gankit run directory"),
    (["sample", LONG, "--out", "a.npz"], "is not a gankit run directory"),
    (["eval", LONG, "--data", "ring"], "no run directory or samples file"),
    (["train", f"data=folder:{LONG}"], "does not exist"),
    (["train", f"data=npz:{LONG}"], "does not exist"),
    (["train", f"data=text:{LONG}", "net=seqgan", "objective=seqgan"], "does not exist"),
    (["train", "steps=1", "log.progress=false", "log.tensorboard=false", "z_dim=2",
      f"out={LONG}/run"], f"cannot create out={LONG}/run: File name too long"),
])
def test_too_long_names(args, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("gankit: error: ") and message in err and "\n" not in err
    assert list(tmp_path.iterdir()) == []


def test_sample_out_too_long(tmp_path, tiny_ring_overrides, capsys):
    assert main(["train", "steps=1", *tiny_ring_overrides]) == 0
    assert main(["sample", str(tmp_path / "run"), "--out", str(tmp_path / LONG / "a.npz")]) == 2
    assert "File name too long" in capsys.readouterr().err
