"""The oracle of SeqGAN's synthetic experiment (Yu et al. 2017, §Synthetic Data Experiments): an
LSTM language model with fixed parameters that generates the "real" data, and whose
log-likelihood judges generated sequences (NLL_oracle, eq. 13, as a mean per token).

Parameters come from the paper's file (see shared/data/README.md for its layout, row-vector
convention x @ W) or are drawn N(0, 1) from a seed, as the paper describes its oracle.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import numpy as np
import torch
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.sequences.lstm import TokenLSTM

GATES = ("i", "f", "c", "og")  # PyTorch's order of the LSTM gates: input, forget, cell, output
FILE_KEYS = ("embedding", "Wo", "bo", *(f"{p}{g}" for g in GATES for p in ("W", "U", "b")))
CHUNK = 500  # sequences per forward pass (their logits take CHUNK × L × V floats)


class Oracle:
    """A frozen TokenLSTM: `sample(n, rng)` draws sequences, `nll(tokens)` scores them."""

    def __init__(self, params: dict[str, np.ndarray], length: int, source: str) -> None:
        self.length = length
        self.source = source  # the file, or "random:<seed>"
        self.identity = params_hash(params)
        self.net = lstm_from_params(params).eval().requires_grad_(False)
        self.vocab = self.net.vocab

    @torch.no_grad()
    def sample(self, n: int, rng: torch.Generator) -> Tensor:
        """n sequences (int64 n×length) drawn from the oracle with the CPU generator `rng`."""
        uniforms = torch.rand(n, self.length, generator=rng, dtype=torch.float64)
        return torch.cat([self.net.sample(part) for part in uniforms.split(CHUNK)])

    @torch.no_grad()
    def token_nll(self, tokens: Tensor | np.ndarray) -> Tensor:
        """-log p_oracle(y_t | y_<t) of every token, float64 N×L."""
        tokens = check_tokens(tokens, self.vocab)
        parts = [-self.net.log_probs(part).double() for part in tokens.split(CHUNK)]
        return torch.cat(parts)

    def nll(self, tokens: Tensor | np.ndarray) -> float:
        """NLL_oracle: the mean over sequences and positions of -log p_oracle(token)."""
        return float(self.token_nll(tokens).mean())


def check_tokens(tokens: Tensor | np.ndarray, vocab: int) -> Tensor:
    tokens = torch.as_tensor(tokens)
    if tokens.dim() != 2 or tokens.shape[0] == 0 or tokens.shape[1] == 0:
        raise GankitError(f"tokens must be a non-empty N×L array, got shape {tuple(tokens.shape)}")
    if tokens.dtype.is_floating_point or tokens.dtype == torch.bool:
        raise GankitError(f"tokens must be integers, got {tokens.dtype}")
    tokens = tokens.long()
    low, high = int(tokens.min()), int(tokens.max())
    if low < 0 or high >= vocab:
        raise GankitError(f"tokens must lie in 0..{vocab - 1} (the oracle's vocabulary), "
                          f"got values in {low}..{high}")
    return tokens


def lstm_from_params(params: dict[str, np.ndarray]) -> TokenLSTM:
    """A TokenLSTM holding the file's parameters (gate matrices transposed and stacked)."""
    vocab, embed = params["embedding"].shape
    hidden = params["Ui"].shape[0]
    net = TokenLSTM(vocab, embed, hidden)
    t = {k: torch.from_numpy(np.asarray(v, dtype=np.float32)) for k, v in params.items()}
    # nn.LSTM sets its per-layer weights (weight_ih_l0, ...) at run time; torch's types lack them
    with torch.no_grad():
        net.embedding.weight.copy_(t["embedding"])
        net.lstm.weight_ih_l0.copy_(  # type: ignore[operator]
            torch.cat([t[f"W{g}"].T for g in GATES]))
        net.lstm.weight_hh_l0.copy_(  # type: ignore[operator]
            torch.cat([t[f"U{g}"].T for g in GATES]))
        net.lstm.bias_ih_l0.copy_(torch.cat([t[f"b{g}"] for g in GATES]))  # type: ignore[operator]
        net.lstm.bias_hh_l0.zero_()  # type: ignore[operator]
        net.readout.weight.copy_(t["Wo"].T)
        net.readout.bias.copy_(t["bo"])
    return net


def random_params(seed: int, vocab: int, embed: int, hidden: int) -> dict[str, np.ndarray]:
    """Every parameter N(0, 1), drawn from `seed` (the paper's recipe for its oracle)."""
    rng = np.random.default_rng(seed)
    shapes = {"embedding": (vocab, embed), "Wo": (hidden, vocab), "bo": (vocab,)}
    for g in GATES:
        shapes |= {f"W{g}": (embed, hidden), f"U{g}": (hidden, hidden), f"b{g}": (hidden,)}
    return {k: rng.standard_normal(s).astype(np.float32) for k, s in shapes.items()}


def read_params(path: Path) -> dict[str, np.ndarray]:
    """The arrays of an oracle parameter file, checked for names and consistent shapes."""
    if not path.is_file():
        raise GankitError(f"oracle parameter file {path} does not exist")
    try:
        with np.load(path, allow_pickle=False) as archive:
            missing = [k for k in FILE_KEYS if k not in archive.files]
            if missing:
                raise GankitError(f"{path} is not a SeqGAN oracle file (no {', '.join(missing)})")
            params = {k: np.asarray(archive[k]) for k in FILE_KEYS}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise GankitError(f"cannot read {path} as an .npz archive: {error}") from None
    check_shapes(params, path)
    return params


def check_shapes(params: dict[str, np.ndarray], path: Path) -> None:
    vocab, embed = params["embedding"].shape if params["embedding"].ndim == 2 else (0, 0)
    hidden = params["Ui"].shape[0] if params["Ui"].ndim == 2 else 0
    expected = {"embedding": (vocab, embed), "Wo": (hidden, vocab), "bo": (vocab,)}
    for g in GATES:
        expected |= {f"W{g}": (embed, hidden), f"U{g}": (hidden, hidden), f"b{g}": (hidden,)}
    bad = [k for k, shape in expected.items() if params[k].shape != shape or shape[0] == 0]
    if bad:
        raise GankitError(f"{path}: arrays {', '.join(bad)} have inconsistent shapes")


def params_hash(params: dict[str, np.ndarray]) -> str:
    digest = hashlib.sha256()
    for key in sorted(params):
        digest.update(key.encode())
        digest.update(np.ascontiguousarray(params[key], dtype=np.float32).tobytes())
    return digest.hexdigest()[:12]
