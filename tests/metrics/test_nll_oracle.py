"""NLL_oracle through the metrics entry points: arrays in, one result out."""

import numpy as np
import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.metrics.evaluate import evaluate_samples, sample_kind
from gankit.metrics.nll_oracle import nll_oracle
from gankit.metrics.sample_files import read_samples

TINY = {"random_init": True, "vocab": 30, "hidden": 4, "length": 6, "n": 50}


def test_nll_oracle_is_the_mean_token_nll():
    oracle = load_dataset("oracle", TINY).oracle
    tokens = np.random.default_rng(0).integers(0, 30, (20, 6))
    per_token = oracle.token_nll(torch.from_numpy(tokens))
    assert nll_oracle(tokens, oracle) == pytest.approx(float(per_token.mean()))


def test_evaluate_samples_on_tokens():
    source = load_dataset("oracle", TINY)
    tokens = source.oracle.sample(40, torch.Generator().manual_seed(3)).numpy()
    result = evaluate_samples(tokens, "oracle", TINY, n=25)
    assert result["metric_set"] == "nll-oracle" and result["n"] == 25 and result["length"] == 6
    assert result["oracle"] == source.oracle.identity
    everything = evaluate_samples(tokens, "oracle", source=source)
    assert everything["n"] == 40
    assert everything["nll_oracle"] == pytest.approx(nll_oracle(tokens, source.oracle))


def test_sample_kinds():
    assert sample_kind(np.zeros((3, 20), np.int64)) == "tokens"
    assert sample_kind(np.zeros((3, 2), np.int32)) == "tokens"
    assert sample_kind(np.zeros((3, 2), np.float32)) == "points"
    assert sample_kind(np.zeros((3, 8, 8), np.uint8)) == "images"


def test_tokens_need_an_oracle(tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text("a b c\n")
    with pytest.raises(GankitError, match="has no oracle"):
        evaluate_samples(np.zeros((2, 3), np.int64), f"text:{corpus}")


def test_token_files(tmp_path):
    np.savez(tmp_path / "t.npz", tokens=np.arange(12, dtype=np.int32).reshape(3, 4))
    tokens = read_samples(tmp_path / "t.npz")
    assert tokens.dtype == np.int64 and tokens.shape == (3, 4)
    np.savez(tmp_path / "f.npz", tokens=np.zeros((3, 4), np.float32))
    with pytest.raises(GankitError, match="integer N×L"):
        read_samples(tmp_path / "f.npz")
