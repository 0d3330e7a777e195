"""The SeqGAN oracle: the paper's parameters give its reference NLLs; the LSTM mapping agrees
with a plain numpy transcription of shared/data/README.md's equations."""

from pathlib import Path

import numpy as np
import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data.oracle_data import PROJECT_ROOT
from gankit.sequences.oracle import Oracle, random_params, read_params

PAPER_FILE = PROJECT_ROOT.parent / "shared" / "data" / "seqgan_oracle_params.npz"
needs_file = pytest.mark.skipif(not PAPER_FILE.is_file(),
                                reason=f"the paper's oracle file is not at {PAPER_FILE}")


@pytest.fixture(scope="module")
def paper_oracle():
    return Oracle(read_params(PAPER_FILE), 20, str(PAPER_FILE))


@needs_file
def test_uniform_random_tokens(paper_oracle):
    tokens = torch.randint(0, 5000, (1000, 20), generator=torch.Generator().manual_seed(0))
    assert paper_oracle.nll(tokens) == pytest.approx(11.43, abs=0.05)


@needs_file
def test_own_samples(paper_oracle):
    tokens = paper_oracle.sample(1000, torch.Generator().manual_seed(0))
    assert tokens.shape == (1000, 20) and tokens.dtype == torch.int64
    assert paper_oracle.nll(tokens) == pytest.approx(5.75, abs=0.05)


def numpy_nll(params, tokens):
    """-log p(token) per position, written out from the README's step equations."""
    sigmoid = lambda x: 1 / (1 + np.exp(-x))
    p = {k: v.astype(np.float64) for k, v in params.items()}
    n, hidden = len(tokens), p["Ui"].shape[0]
    h, c, prev = np.zeros((n, hidden)), np.zeros((n, hidden)), np.zeros(n, dtype=int)
    out = np.zeros(tokens.shape)
    for t in range(tokens.shape[1]):
        x = p["embedding"][prev]
        i = sigmoid(x @ p["Wi"] + h @ p["Ui"] + p["bi"])
        f = sigmoid(x @ p["Wf"] + h @ p["Uf"] + p["bf"])
        o = sigmoid(x @ p["Wog"] + h @ p["Uog"] + p["bog"])
        c = f * c + i * np.tanh(x @ p["Wc"] + h @ p["Uc"] + p["bc"])
        h = o * np.tanh(c)
        logits = h @ p["Wo"] + p["bo"]
        top = logits.max(axis=1, keepdims=True)
        log_z = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
        out[:, t] = log_z - logits[np.arange(n), tokens[:, t]]
        prev = tokens[:, t]
    return out


def test_lstm_matches_the_readme_equations():
    params = random_params(3, vocab=30, embed=4, hidden=6)
    oracle = Oracle(params, 5, "random:3")
    tokens = oracle.sample(8, torch.Generator().manual_seed(0))
    expected = numpy_nll(params, tokens.numpy())
    np.testing.assert_allclose(oracle.token_nll(tokens).numpy(), expected, rtol=1e-4)


def test_random_oracle_is_seeded():
    a = Oracle(random_params(1, 20, 4, 4), 6, "a").sample(5, torch.Generator().manual_seed(0))
    b = Oracle(random_params(1, 20, 4, 4), 6, "b").sample(5, torch.Generator().manual_seed(0))
    c = Oracle(random_params(2, 20, 4, 4), 6, "c").sample(5, torch.Generator().manual_seed(0))
    assert torch.equal(a, b) and not torch.equal(a, c)


@pytest.mark.parametrize("tokens, message", [
    (np.array([[0, 1], [2, 20]]), "0..19"),
    (np.array([[-1, 1]]), "0..19"),
    (np.zeros((2, 2), np.float32), "integers"),
    (np.zeros((0, 3), np.int64), "non-empty"),
    (np.zeros(3, np.int64), "N×L"),
])
def test_bad_tokens(tokens, message):
    oracle = Oracle(random_params(1, 20, 4, 4), 2, "r")
    with pytest.raises(GankitError, match=message):
        oracle.nll(tokens)


def test_bad_files(tmp_path):
    with pytest.raises(GankitError, match="does not exist"):
        read_params(tmp_path / "none.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(GankitError, match="cannot read"):
        read_params(tmp_path / "junk.npz")
    np.savez(tmp_path / "other.npz", images=np.zeros(3))
    with pytest.raises(GankitError, match="not a SeqGAN oracle file"):
        read_params(tmp_path / "other.npz")
    params = random_params(0, 10, 4, 4)
    params["Ui"] = np.zeros((3, 3), np.float32)
    np.savez(tmp_path / "shapes.npz", **params)
    with pytest.raises(GankitError, match="inconsistent shapes"):
        read_params(tmp_path / "shapes.npz")


def test_file_path_is_beside_the_project():
    assert (PROJECT_ROOT / "src" / "gankit").is_dir()
    assert isinstance(PAPER_FILE, Path)
