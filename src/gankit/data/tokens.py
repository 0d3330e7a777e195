"""Token sequences held in memory (int64 N×L), sampled by index in shuffled epochs.

`vocab_size` sizes the nets; `vocabulary` (text data) decodes ids back to text and is saved in
the checkpoint with the sampling position, so sampling a run never needs its data file;
`oracle` (synthetic data) is the model that generated the sequences and scores samples.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.data.base import DataSource, EpochSampler, Preview
from gankit.data.vocab import Vocabulary, decode_ids


class TokenSequences(DataSource):
    kind = "tokens"

    def __init__(self, tokens: Tensor, vocab_size: int, vocabulary: Vocabulary | None = None,
                 oracle: Any = None) -> None:
        if tokens.dtype != torch.int64 or tokens.dim() != 2 or len(tokens) == 0:
            raise ValueError("tokens must be a non-empty int64 tensor of shape N×L")
        self.tokens = tokens
        self.vocab_size = vocab_size
        self.vocabulary = vocabulary
        self.oracle = oracle
        self.shape = (tokens.shape[1],)
        self.sampler = EpochSampler(len(tokens))

    def __len__(self) -> int:
        return len(self.tokens)

    def to(self, device: torch.device) -> None:
        self.tokens = self.tokens.to(device)

    def sample_labelled(self, n: int, rng: torch.Generator) -> tuple[Tensor, None]:
        # non_blocking: a blocking copy to a GPU waits for every queued kernel, once per batch
        index = self.sampler.next(n, rng).to(self.tokens.device, non_blocking=True)
        return self.tokens[index], None

    def decode(self, tokens: Tensor) -> list[str]:
        """One line per sequence: words or characters for text, token ids otherwise."""
        return decode_ids(tokens, self.vocabulary)

    def preview(self, samples: Tensor, labels: Tensor | None = None) -> Preview:
        return Preview(text="\n".join(self.decode(samples)) + "\n")

    def state_dict(self) -> dict[str, Any]:
        state = self.sampler.state_dict()
        if self.vocabulary is not None:
            state["vocabulary"] = self.vocabulary.to_state()
        return state

    def load_state_dict(self, state: dict[str, Any]) -> None:
        saved = state.get("vocabulary") if isinstance(state, dict) else None
        if self.vocabulary is not None and saved is not None \
                and Vocabulary.from_state(saved) != self.vocabulary:
            raise GankitError("the text data has changed since the run started (its vocabulary "
                              "differs); resume with the original file")
        self.sampler.load_state_dict(state)
