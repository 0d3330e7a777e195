"""Resuming a run whose data file changed size: one line and exit 2, not an IndexError
mid-training, and the run folder is left as it was."""

import numpy as np

from gankit.cli.main import main


def write_images(path, n):
    np.savez(path, images=np.random.default_rng(0).integers(0, 256, (n, 8, 8), dtype=np.uint8))


def test_resume_after_the_data_shrank(tmp_path, capsys):
    data, run = tmp_path / "d.npz", tmp_path / "run"
    write_images(data, 8)
    assert main(["train", f"data=npz:{data}", "net=mlp", "net_options.g_hidden=8",
                 "net_options.d_hidden=8", "z_dim=4", "batch_size=4", "steps=1",
                 "log.progress=false", "log.tensorboard=false", "device=cpu", f"out={run}"]) == 0
    before = {p: p.read_bytes() for p in run.rglob("*") if p.is_file()}
    capsys.readouterr()
    write_images(data, 3)
    assert main(["train", "--resume", str(run), "steps=3"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("gankit: error: the data has changed since the run started (it held 8 items, "
                   "now 3); resume with the original data")
    assert {p: p.read_bytes() for p in run.rglob("*") if p.is_file()} == before
