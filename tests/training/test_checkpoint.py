import pickle

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.training.checkpoints.files import load_checkpoint, save_checkpoint

PRINT = {"net": "mlp", "z_dim": 2}


def test_round_trip(tmp_path):
    path = tmp_path / "ck" / "last.pt"
    save_checkpoint(path, {"fingerprint": PRINT, "w": torch.arange(3.0), "step": 4})
    loaded = load_checkpoint(path, PRINT)
    assert loaded["step"] == 4 and torch.equal(loaded["w"], torch.arange(3.0))
    assert [p.name for p in path.parent.iterdir()] == ["last.pt"]  # no temp files left


def test_foreign_model_is_refused(tmp_path):
    path = tmp_path / "last.pt"
    save_checkpoint(path, {"fingerprint": PRINT})
    with pytest.raises(GankitError, match="written by another model"):
        load_checkpoint(path, {"net": "dcgan", "z_dim": 2})


def test_corrupt_and_missing_files(tmp_path):
    path = tmp_path / "last.pt"
    path.write_bytes(b"not a checkpoint")
    with pytest.raises(GankitError, match="not a readable gankit checkpoint"):
        load_checkpoint(path, PRINT)
    with pytest.raises(GankitError, match="no checkpoint"):
        load_checkpoint(tmp_path / "none.pt", PRINT)


def test_pickled_code_is_not_executed(tmp_path):
    class Evil:
        def __reduce__(self):
            return (print, ("executed!",))

    path = tmp_path / "evil.pt"
    torch.save({"format": "gankit-checkpoint-1", "x": Evil()}, path)
    with pytest.raises(GankitError, match="not a readable gankit checkpoint"):
        load_checkpoint(path, PRINT)


def test_failed_write_keeps_previous_file(tmp_path):
    path = tmp_path / "last.pt"
    save_checkpoint(path, {"fingerprint": PRINT, "step": 1})
    with pytest.raises((TypeError, AttributeError, pickle.PicklingError)):
        save_checkpoint(path, {"fingerprint": PRINT, "bad": lambda: None})
    assert load_checkpoint(path, PRINT)["step"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["last.pt"]
