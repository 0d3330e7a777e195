"""Opening a run's generator from a checkpoint in gankit's format but with damaged contents
(another version, an edited file): a one-line GankitError naming the file, never a traceback."""

import copy

import pytest
import torch

from gankit.cli.main import main
from gankit.core.errors import GankitError
from gankit.training.checkpoints.files import read_checkpoint, save_checkpoint
from gankit.training.checkpoints.store import CheckpointStore
from gankit.use.runs import open_generator

TINY = ["data=ring", "net=mlp", "net_options.g_hidden=8", "net_options.d_hidden=8", "z_dim=2",
        "batch_size=8", "steps=2", "ema=0.9", "log.progress=false", "log.tensorboard=false",
        "device=cpu"]


def newest(run):
    return CheckpointStore(run / "checkpoints").newest()


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    run = tmp_path_factory.mktemp("open") / "run"
    assert main(["train", *TINY, f"out={run}"]) == 0
    return run, read_checkpoint(newest(run))


@pytest.fixture
def run_with(tiny_run):
    """run_with(change): the tiny run with `change(payload)` applied to its checkpoint."""
    run, good = tiny_run

    def write(change):
        payload = {k: copy.deepcopy(v) for k, v in good.items() if k != "format"}
        change(payload)
        save_checkpoint(newest(run), payload)
        return run

    yield write
    save_checkpoint(newest(run), good)


def test_the_good_checkpoint_opens(tiny_run):
    loaded = open_generator(tiny_run[0], device="cpu")
    assert loaded.step == 2 and loaded.kind == "points" and loaded.shape == (2,)


@pytest.mark.parametrize("change, message", [
    (lambda p: p.update(fingerprint=None), "was written by another model"),
    (lambda p: p["fingerprint"].update(data_shape="2"), "was written by another model"),
    (lambda p: p["fingerprint"].update(data_shape=[-2]), "was written by another model"),
    (lambda p: p["fingerprint"].update(z_dim=torch.zeros(2)), "fingerprint is not plain data"),
    (lambda p: [p.pop("generator"), p.pop("generator_ema")], "holds no generator weights"),
    (lambda p: p.update(generator="weights", generator_ema=None), "holds no generator weights"),
    (lambda p: p.update(generator_ema={"net.0.weight": "x"}), "does not fit the nets"),
    (lambda p: p.update(generator_ema={"nope": torch.zeros(1)}), "does not fit the nets"),
    (lambda p: p.update(step=[2]), "records no valid step (got [2])"),
    (lambda p: p.update(step=-1), "records no valid step"),
    (lambda p: p.update(data_kind="audio"), "records an unknown kind of data 'audio'"),
    (lambda p: p.update(data={"vocabulary": {"words": 3}}), "holds no valid vocabulary"),
    (lambda p: p.update(data={"vocabulary": torch.zeros(2)}), "holds no valid vocabulary"),
    (lambda p: p.update(data_kind=torch.zeros(2)), "records an unknown kind of data"),
    (lambda p: p.update(generator_ema=torch.zeros(2)), "holds no generator_ema weights"),
])
def test_damaged_contents(run_with, change, message):
    """Found by fuzzing: AttributeError, TypeError, KeyError or RuntimeError escaped."""
    run = run_with(change)
    with pytest.raises(GankitError, match="step-0") as info:
        open_generator(run, device="cpu")
    assert message in str(info.value) and "\n" not in str(info.value)
