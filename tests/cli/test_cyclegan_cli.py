"""CycleGAN end to end on tiny unpaired data (digits' edge maps and digits from disjoint halves):
train, resume to the same weights (the histories of fakes are checkpointed), translate, and the
mistakes that get one line."""

import json

import numpy as np
import pytest

from gankit.cli.main import main
from gankit.training.checkpoints.files import read_checkpoint

TINY = ["objective=lsgan", "net=cyclegan", "data=digits", "data_options.image_size=28",
        "data_options.pairs=edges", "data_options.unpaired=true", "data_options.limit=48",
        "wrappers.cyclegan.history=6", "batch_size=4", "log.every=2", "log.sample_every=3",
        "log.progress=false", "log.tensorboard=false", "device=cpu", "precision=fp32", "seed=5",
        "net_options.width=4", "net_options.d_width=4"]


def train(out, *extra, blocks=1):
    nets = [f"net_options.blocks={blocks}"] if blocks else []
    return main(["train", *TINY, *nets, *extra, f"out={out}"])



@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("cyclegan") / "run"
    assert train(out, "steps=6") == 0
    return out


def test_training_logs_both_directions(run):
    line = json.loads((run / "metrics.jsonl").read_text().splitlines()[-1])
    assert {"critic/real", "critic/source_real", "generator/adv", "generator/source_adv",
            "generator/cycle_source", "generator/cycle_target",
            "generator/identity_target"} <= set(line)
    state = read_checkpoint(run / "checkpoints" / "last.pt")["objective"]
    assert state["history"]["target"]["count"] == 6


def test_a_resumed_run_ends_where_an_uninterrupted_one_does(run, tmp_path, weights_of):
    half = tmp_path / "half"
    assert train(half, "steps=3") == 0
    assert main(["train", "--resume", str(half), "steps=6"]) == 0
    assert weights_of(half) == weights_of(run)


def test_translate_and_sample_use_the_forward_generator(run, tmp_path):
    assert main(["sample", str(run), "--n", "4", "--out", str(tmp_path / "s.npz")]) == 0
    assert main(["translate", str(run), "--input", str(tmp_path / "s.npz"),
                 "--out", str(tmp_path / "t.npz")]) == 0
    sampled = np.load(tmp_path / "s.npz")["outputs"]
    translated = np.load(tmp_path / "t.npz")["outputs"]
    assert np.abs(translated.astype(int) - sampled.astype(int)).max() <= 1


@pytest.mark.parametrize("items, message", [
    (["wrappers={}"], "net=cyclegan is trained by wrappers.cyclegan; add it"),
    (["net=pix2pix"],
     "wrappers.cyclegan trains the nets of net=cyclegan, not net=pix2pix"),
    (["data_options.pairs=null", "data_options.unpaired=false"],
     "so it needs paired or unpaired image data"),
    (["wrappers.cyclegan.history=-1"], "wrappers.cyclegan.history must be"),
])
def test_mistakes_are_one_line(tmp_path, capsys, items, message):
    blocks = 0 if "net=pix2pix" in items else 1
    assert train(tmp_path / "x", "steps=2", *items, blocks=blocks) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1] and not (tmp_path / "x").exists()
