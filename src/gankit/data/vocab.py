"""Vocabularies of text data. Ids 0 and 1 are special: 0 is `<eos>` (it ends a line shorter than
the sequence length and pads the rest; it is also the generator's start token), 1 is `<unk>`
(any token outside the vocabulary, and a literal `<eos>` in the text, which must not end its
line early). The other ids go to the most frequent tokens, ties broken alphabetically, up to the
vocabulary cap (which counts the two special tokens)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from torch import Tensor

from gankit.core.errors import GankitError

EOS, UNK = "<eos>", "<unk>"
EOS_ID, UNK_ID = 0, 1
SPECIALS = (EOS, UNK)


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[str, ...]  # words[id]
    separator: str  # between decoded tokens: " " for words, "" for characters
    # word → id, derived from words in __post_init__ (not an argument, not compared or shown)
    index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {w: i for i, w in enumerate(self.words)})

    def __len__(self) -> int:
        return len(self.words)

    def encode(self, tokens: Sequence[str], length: int) -> list[int]:
        """Ids of the first `length` tokens; a shorter line gets `<eos>`, then `<eos>` padding."""
        ids = [UNK_ID if token == EOS else self.index.get(token, UNK_ID) for token in tokens[:length]]
        return ids + [EOS_ID] * (length - len(ids))

    def decode(self, ids: Iterable[int]) -> str:
        """The text up to the first `<eos>`."""
        words = []
        for i in ids:
            if i == EOS_ID:
                break
            words.append(self.words[i] if 0 <= i < len(self.words) else UNK)
        return self.separator.join(words)

    def to_state(self) -> dict[str, Any]:
        """Plain lists and strings (a checkpoint loads them with weights_only=True)."""
        return {"words": list(self.words), "separator": self.separator}

    @classmethod
    def from_state(cls, state: Any, where: str = "the checkpoint") -> Vocabulary:
        """The vocabulary `to_state` wrote; a GankitError naming `where` for anything else."""
        words = state.get("words") if isinstance(state, dict) else None
        separator = state.get("separator") if isinstance(state, dict) else None
        if not (isinstance(words, list) and all(isinstance(w, str) for w in words)
                and tuple(words[: len(SPECIALS)]) == SPECIALS and isinstance(separator, str)):
            raise GankitError(f"{where} holds no valid vocabulary of text data")
        return cls(tuple(words), separator)


def build_vocabulary(lines: Iterable[Sequence[str]], cap: int, separator: str) -> Vocabulary:
    """The `cap - 2` most frequent tokens after the special ones."""
    counts = Counter(token for line in lines for token in line)
    ranked = sorted(counts, key=lambda token: (-counts[token], token))
    ranked = [token for token in ranked if token not in SPECIALS]
    return Vocabulary((*SPECIALS, *ranked[: max(cap - len(SPECIALS), 0)]), separator)


def decode_ids(tokens: Tensor, vocabulary: Vocabulary | None) -> list[str]:
    """Text lines with a vocabulary; space-separated ids without one (synthetic data)."""
    rows = tokens.tolist()
    if vocabulary is None:
        return [" ".join(str(i) for i in row) for row in rows]
    return [vocabulary.decode(row) for row in rows]
