"""Runs written by gankit before the trainer's renames (0.1, at 043cbc7) still resume: the update
names "d"/"g", the old config keys (encoder.*, acgan_weight, acgan_critic_fakes) and their
checkpoints load, and the resumed run ends bit-identical to the same run trained uninterrupted
by that version (fixtures/old_runs/make.py wrote both)."""

import hashlib
import json
import shutil
import warnings
from pathlib import Path

import pytest
import torch

import gankit
from gankit.training.checkpoints.files import read_checkpoint
from gankit.training.runs import resume_run

OLD_RUNS = Path(__file__).parent / "fixtures" / "old_runs"
EXPECTED = json.loads((OLD_RUNS / "expected.json").read_text())


def digest(tensors):
    flat = torch.cat([t.detach().flatten().float() for t in tensors])
    return hashlib.sha256(flat.numpy().tobytes()).hexdigest()[:16]


def digests(run: Path) -> dict[str, str]:
    payload = read_checkpoint(run / "checkpoints" / "last.pt")
    found = {k: digest(list(payload[k].values())) for k in ("generator", "critic")}
    if payload.get("generator_ema"):
        found["ema"] = digest(list(payload["generator_ema"].values()))
    return found


def old_run(name: str, tmp_path: Path) -> Path:
    run = tmp_path / name
    shutil.copytree(OLD_RUNS / name, run)
    (run / "samples").mkdir(exist_ok=True)
    return run


@pytest.fixture
def one_thread():
    """As the fixtures were made (a matrix product's sums may group differently with more)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_old_run_resumes_to_the_old_versions_uninterrupted_result(name, tmp_path, one_thread):
    run = old_run(name, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gankit.resume(run, steps=24, log__progress=False, log__tensorboard=False)
    assert digests(run) == EXPECTED[name]


def test_old_update_names_map_to_todays(tmp_path):
    with pytest.warns(Warning, match="deprecated"):
        trainer = resume_run(old_run("acgan-lazy-r1", tmp_path))
    assert trainer.state.rounds == 12
    assert trainer.state.runs == {"critic": 12, "lazy_r1": 6, "generator": 12}
    assert set(trainer.parts.config.wrappers) == {"acgan"}
