"""Crash-safe checkpoints: the newest K kept with an index of their hashes, a damaged newest one
skipped with a warning, stale files removed, a failing write stopping with one line and the
previous checkpoint intact."""

import json
import os

import pytest
import torch

from gankit.cli.main import main
from gankit.config.load import load_config
from gankit.core.errors import GankitError, GankitWarning
from gankit.training.checkpoints.files import read_checkpoint
from gankit.training.checkpoints.store import CheckpointStore
from gankit.training.runs import resume_run, start_run


def payload(step):
    return {"step": step, "w": torch.full((3,), float(step))}


def test_keeps_the_newest_k_and_indexes_their_hashes(tmp_path):
    store = CheckpointStore(tmp_path, keep=2)
    for steps in (0, 5, 10):
        store.save(payload(steps), steps)
    assert sorted(p.name for p in tmp_path.glob("*.pt")) == [
        "last.pt", "step-000000005.pt", "step-000000010.pt"]
    index = json.loads((tmp_path / "index.json").read_text())
    assert [e["steps_done"] for e in index["checkpoints"]] == [5, 10]
    assert os.path.samefile(tmp_path / "last.pt", tmp_path / "step-000000010.pt")
    assert store.newest().name == "step-000000010.pt"


def loaded_steps(store):
    seen = []
    store.load(lambda state, path: seen.append(state["step"]))
    return seen


@pytest.mark.parametrize("damage", ["truncate", "empty", "flip", "delete"])
def test_a_damaged_newest_checkpoint_is_skipped_with_a_warning(tmp_path, damage):
    store = CheckpointStore(tmp_path, keep=3)
    for steps in (1, 2):
        store.save(payload(steps), steps)
    newest = tmp_path / "step-000000002.pt"
    (tmp_path / "last.pt").unlink()
    data = newest.read_bytes()
    if damage == "delete":
        newest.unlink()
    else:
        changed = {"truncate": data[: len(data) // 2], "empty": b"",
                   "flip": data[:100] + bytes([data[100] ^ 1]) + data[101:]}[damage]
        newest.write_bytes(changed)
    with pytest.warns(GankitWarning, match="continuing from step-000000001.pt"):
        assert loaded_steps(store) == [1]


def test_nothing_readable_is_one_line(tmp_path):
    store = CheckpointStore(tmp_path)
    store.save(payload(1), 1)
    (tmp_path / "step-000000001.pt").write_bytes(b"garbage")
    with pytest.raises(GankitError, match="do not match the index") as error:
        loaded_steps(store)
    assert "\n" not in str(error.value)


def test_orphans_and_temporary_files_are_removed_on_load(tmp_path):
    store = CheckpointStore(tmp_path)
    store.save(payload(1), 1)
    (tmp_path / "step-000000009.pt").write_bytes(b"written, never indexed")
    (tmp_path / ".step-000000009.pt.abc.tmp").write_bytes(b"half a file")
    loaded_steps(store)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.json", "last.pt",
                                                          "step-000000001.pt"]


def test_a_full_disk_stops_with_one_line_and_keeps_the_previous_checkpoint(tmp_path, monkeypatch):
    store = CheckpointStore(tmp_path)
    store.save(payload(1), 1)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def no_space(fd, *args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(GankitError, match="No space left on device") as error:
        store.save(payload(2), 2)
    assert "\n" not in str(error.value)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert loaded_steps(store) == [1]


def test_a_run_resumes_from_the_previous_checkpoint_when_the_newest_is_truncated(
        tmp_path, tiny_ring_overrides):
    config = load_config(None, tiny_ring_overrides + ["steps=10", "log.checkpoint_every=5"])
    start_run(config).fit()
    folder = tmp_path / "run" / "checkpoints"
    newest = folder / "step-000000010.pt"
    (folder / "last.pt").unlink()
    newest.write_bytes(newest.read_bytes()[:1000])
    with pytest.warns(GankitWarning, match="continuing from step-000000005.pt"):
        trainer = resume_run(config.out)
    assert trainer.state.rounds == 5
    trainer.fit()
    assert read_checkpoint(folder / "step-000000010.pt")["step"] == 10


def test_an_unwritable_run_folder_stops_the_run_with_one_line(tmp_path, tiny_ring_overrides,
                                                              make_read_only, capsys):
    assert main(["train", *tiny_ring_overrides, "steps=5", "log.checkpoint_every=5"]) == 0
    folder = tmp_path / "run" / "checkpoints"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    make_read_only(folder)
    capsys.readouterr()
    assert main(["train", "--resume", str(tmp_path / "run"), "steps=10"]) == 2
    err = capsys.readouterr().err
    assert "gankit: error: cannot write" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_saving_the_same_state_again_leaves_the_file_alone(tmp_path):
    store = CheckpointStore(tmp_path)
    first = store.save(payload(4), 4)
    before = first.stat().st_mtime_ns
    assert store.save(payload(4), 4) == first
    assert first.stat().st_mtime_ns == before and len(store.entries()) == 1
