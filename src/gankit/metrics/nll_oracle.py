"""NLL_oracle (Yu et al. 2017, eq. 13): how likely generated sequences are under the oracle that
generated the training data, as the mean over sequences and positions of -log p_oracle(token)
(the per-token scale of the paper's Table 1 and of the official code)."""

from __future__ import annotations

import numpy as np

from gankit.sequences.oracle import Oracle


def nll_oracle(tokens: np.ndarray, oracle: Oracle) -> float:
    """Mean per-token NLL of `tokens` (integers N×L in 0..V-1) under `oracle`."""
    return oracle.nll(tokens)
