"""Sequence runs end to end through the CLI, as a new user would try them: a tiny oracle run
sampled to .npz and .txt and evaluated; a small text file; and bad text files (one line, exit 2)."""

import json

import numpy as np
import pytest

from gankit.cli.main import main

TINY = ["data_options.random_init=true", "data_options.vocab=40", "data_options.hidden=8",
        "data_options.length=6", "data_options.n=96", "z_dim=6", "batch_size=16",
        "net_options.filter_sizes=[1,2,3]", "net_options.filter_counts=[4,4,4]",
        "objective_options.mle_epochs=1", "objective_options.d_pretrain_epochs=1",
        "objective_options.rollouts=2", "n_critic=1", "log.every=2", "log.sample_every=2",
        "log.checkpoint_every=2", "log.progress=false", "log.tensorboard=false",
        "device=cpu"]


def run_cli(*args):
    return main([str(a) for a in args])


@pytest.fixture(scope="module")
def oracle_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("oracle") / "run"
    assert run_cli("train", "seqgan-oracle", *TINY, "steps=3", "eval.every=3", "eval.n=50",
                   f"out={out}") == 0
    return out


def test_train_logs_phases_and_nll_oracle(oracle_run):
    lines = [json.loads(line) for line in (oracle_run / "metrics.jsonl").read_text().splitlines()]
    assert any("mle/nll" in line for line in lines)
    assert any("pretrain_critic/loss" in line for line in lines)
    evals = [line for line in lines if line.get("event") == "eval"]
    assert [(e.get("phase"), e["step"]) for e in evals] == [("mle", 6), (None, 3)]
    assert all(e["eval/n"] == 50 and e["eval/nll_oracle"] > 0 for e in evals)
    assert (oracle_run / "samples" / "step_0000002.txt").is_file()
    assert json.loads((oracle_run / "best.json").read_text())["metric"] == "nll_oracle"


def test_sample_npz_txt_and_eval(oracle_run, tmp_path, capsys):
    assert run_cli("sample", oracle_run, "--n", 7, "--out", tmp_path / "s.npz") == 0
    with np.load(tmp_path / "s.npz") as data:
        assert list(data) == ["tokens"]
        tokens = data["tokens"]
    assert tokens.dtype == np.int64 and tokens.shape == (7, 6) and tokens.max() < 40
    assert run_cli("sample", oracle_run, "--n", 7, "--out", tmp_path / "s.txt") == 0
    lines = (tmp_path / "s.txt").read_text().splitlines()
    assert lines == [" ".join(map(str, row)) for row in tokens]  # same seed, same sequences
    capsys.readouterr()
    assert run_cli("eval", oracle_run, "--n", 30) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["metric_set"] == "nll-oracle" and result["n"] == 30 and result["length"] == 6
    assert run_cli("sample", oracle_run, "--n", 2, "--out", tmp_path / "s.png") == 2
    assert ".npz or .txt" in capsys.readouterr().err


def test_text_run_samples_words(tmp_path):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("".join(f"the {w} sat on the mat\n" for w in ("cat", "dog", "hen") * 8))
    overrides = [o for o in TINY if not o.startswith("data_options")] + ["data_options.length=6"]
    out = tmp_path / "run"
    assert run_cli("train", "seqgan-text", f"data=text:{corpus}", *overrides, "steps=2",
                   f"out={out}") == 0
    corpus.unlink()  # sampling needs only the run
    assert run_cli("sample", out, "--n", 5, "--out", tmp_path / "s.txt") == 0
    words = set((tmp_path / "s.txt").read_text().split())
    assert words <= {"the", "cat", "dog", "hen", "sat", "on", "mat", "<unk>"}
    assert (out / "samples" / "step_0000002.txt").is_file()


@pytest.mark.parametrize("content, message", [
    (b"", "holds no text"),
    (b"\xff\xfeh\x00i\x00\n", "is not UTF-8 text"),
    (None, "does not exist"),
])
def test_bad_text_files_are_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "corpus.txt"
    if content is not None:
        path.write_bytes(content)
    assert run_cli("train", "seqgan-text", f"data=text:{path}", f"out={tmp_path / 'r'}") == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("args, message", [
    (["seqgan-text"], "needs a path"),
    (["seqgan-oracle", "data=ring"], "objective 'seqgan' trains on tokens"),
    (["ns-ring", "data=oracle", "data_options.random_init=true", "data_options.n=8"],
     "but oracle holds tokens; for tokens use objective=seqgan"),
    (["seqgan-oracle", "data_options.random_init=true", "data_options.n=8", "z_dim=8"],
     "set z_dim=20"),
])
def test_mismatched_configs_are_one_line(tmp_path, capsys, args, message):
    assert run_cli("train", *args, f"out={tmp_path / 'r'}") == 2
    assert message in capsys.readouterr().err
