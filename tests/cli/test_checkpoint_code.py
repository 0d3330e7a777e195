"""`gankit sample` and `gankit train --resume` on a run whose checkpoint would run code when
unpickled: exit 2 with one line, the code never runs, and the run folder is left as it was."""

import pathlib

import pytest
import torch

from gankit.cli.main import main
from gankit.training.checkpoints.files import FORMAT


class Touch:
    def __init__(self, marker: pathlib.Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (pathlib.Path.touch, (self.marker,))


@pytest.fixture(params=["indexed", "last.pt only"])
def poisoned_run(request, tmp_path, tiny_ring_overrides):
    """Every checkpoint file replaced by the crafted one (with the index kept, whose hashes then
    refuse it; or without, so the unpickler itself must)."""
    assert main(["train", "steps=2", *tiny_ring_overrides]) == 0
    run = tmp_path / "run"
    for path in (run / "checkpoints").glob("*.pt"):
        path.unlink()
        torch.save({"format": FORMAT, "step": 2, "x": Touch(tmp_path / "marker")}, path)
    if request.param == "last.pt only":
        (run / "checkpoints" / "index.json").unlink()
    return run


def snapshot(folder: pathlib.Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("args", [
    ["sample", "{run}", "--out", "{tmp}/s.npz"],
    ["train", "--resume", "{run}"],
    ["train", "--resume", "{run}", "steps=4"],
])
def test_code_in_a_checkpoint_never_runs(poisoned_run, tmp_path, capsys, args):
    before = snapshot(poisoned_run)
    argv = [a.format(run=poisoned_run, tmp=tmp_path) for a in args]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("gankit: error: ") and "\n" not in err
    assert "not a readable gankit checkpoint" in err or "do not match the index" in err
    assert not (tmp_path / "marker").exists()
    assert not (tmp_path / "s.npz").exists()
    assert snapshot(poisoned_run) == before
