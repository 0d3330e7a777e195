"""`oracle`: where the parameter file is looked for, the random oracle, and errors."""

import numpy as np
import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset, oracle_data
from gankit.sequences.oracle import random_params

TINY = {"random_init": True, "vocab": 30, "hidden": 4, "length": 6, "n": 40}


def test_random_oracle_data():
    data = load_dataset("oracle", TINY)
    assert data.kind == "tokens" and data.shape == (6,) and len(data) == 40
    assert data.vocab_size == 30 and data.oracle.vocab == 30
    assert data.tokens.dtype == torch.int64 and 0 <= data.tokens.min() <= data.tokens.max() < 30
    assert torch.equal(load_dataset("oracle", TINY).tokens, data.tokens)
    other = load_dataset("oracle", {**TINY, "seed": 1}).tokens
    assert not torch.equal(other, data.tokens)
    assert load_dataset("oracle", {**TINY, "oracle_seed": 5}).oracle.identity \
        != data.oracle.identity
    assert data.decode(data.tokens[:1]) == [" ".join(map(str, data.tokens[0].tolist()))]


def test_params_file_in_gankit_data(tmp_path, monkeypatch, data_homes):
    np.savez(data_homes["gankit_data"] / oracle_data.FILE, **random_params(0, 25, 4, 4))
    monkeypatch.setattr(oracle_data, "PROJECT_ROOT", tmp_path / "nowhere" / "project")
    data = load_dataset("oracle", {"n": 10, "length": 5})
    assert data.vocab_size == 25
    assert data.oracle.source == str(data_homes["gankit_data"] / oracle_data.FILE)


def test_missing_params_file_says_what_to_do(tmp_path, monkeypatch, data_homes):
    monkeypatch.setattr(oracle_data, "PROJECT_ROOT", tmp_path / "nowhere" / "project")
    with pytest.raises(GankitError, match="random_init=true") as error:
        load_dataset("oracle")
    assert "data_options.params=PATH" in str(error.value) and "\n" not in str(error.value)
    with pytest.raises(GankitError, match="does not exist"):
        load_dataset("oracle", {"params": str(tmp_path / "none.npz")})


def test_bad_options():
    with pytest.raises(GankitError, match="exclude each other"):
        load_dataset("oracle", {**TINY, "params": "x.npz"})
    with pytest.raises(GankitError, match="data_options.n"):
        load_dataset("oracle", {**TINY, "n": 0})
    with pytest.raises(GankitError, match="takes no argument"):
        load_dataset("oracle:x", TINY)
