"""`oracle`: SeqGAN's synthetic data (Yu et al. 2017): `n` sequences drawn from a fixed LSTM.

The oracle's parameters are the paper's (`seqgan_oracle_params.npz`, looked up as described in
`find_params`, or `params=PATH`), or drawn N(0, 1) from `oracle_seed` with `random_init=true`
for users without the file (NLL_oracle numbers then do not compare with the paper's).
"""

from __future__ import annotations

import os
from pathlib import Path

import torch

from gankit.core.errors import GankitError
from gankit.data.checks import check_positive, reject_argument
from gankit.data.locations import search_dirs
from gankit.data.options import OracleOptions
from gankit.data.tokens import TokenSequences
from gankit.sequences.oracle import Oracle, random_params, read_params

FILE = "seqgan_oracle_params.npz"
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def candidate_paths() -> list[Path]:
    """$GANKIT_DATA/FILE, then FILE in the usual dataset folders for `seqgan-oracle`, then in
    ../shared/data beside the project (a source checkout)."""
    paths = [Path(os.environ["GANKIT_DATA"]).expanduser() / FILE] \
        if os.environ.get("GANKIT_DATA") else []
    paths += [folder / FILE for folder in search_dirs("seqgan-oracle")]
    return [*paths, PROJECT_ROOT.parent / "shared" / "data" / FILE]


def find_params(options: OracleOptions) -> Path:
    if options.params is not None:
        return Path(options.params).expanduser()
    for path in candidate_paths():
        if path.is_file():
            return path
    raise GankitError(f"the SeqGAN oracle parameters ({FILE}) are in none of: "
                      f"{', '.join(map(str, candidate_paths()))}; pass data_options.params=PATH, "
                      f"or data_options.random_init=true for a random N(0, 1) oracle")


def build_oracle(options: OracleOptions) -> Oracle:
    for key in ("length", "n", "vocab", "hidden"):
        check_positive(getattr(options, key), key)
    if options.random_init:
        if options.params is not None:
            raise GankitError("data_options.params and random_init=true exclude each other")
        params = random_params(options.oracle_seed, options.vocab, options.hidden, options.hidden)
        return Oracle(params, options.length, f"random:{options.oracle_seed}")
    path = find_params(options)
    return Oracle(read_params(path), options.length, str(path))


class OracleLoader:
    Options = OracleOptions

    @staticmethod
    def load(options: OracleOptions, argument: str | None) -> TokenSequences:
        reject_argument("oracle", argument)
        oracle = build_oracle(options)
        tokens = oracle.sample(options.n, torch.Generator().manual_seed(options.seed))
        return TokenSequences(tokens, oracle.vocab, oracle=oracle)
