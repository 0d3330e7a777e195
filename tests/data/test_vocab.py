"""Vocabularies: a saved vocabulary comes back equal, and a malformed one is a GankitError."""

import pytest

from gankit.core.errors import GankitError
from gankit.data.vocab import Vocabulary, build_vocabulary


def test_state_round_trip():
    vocabulary = build_vocabulary([["b", "a", "b"]], 10, " ")
    assert Vocabulary.from_state(vocabulary.to_state()) == vocabulary


@pytest.mark.parametrize("state", [
    None, [], "words", {}, {"words": ["<eos>", "<unk>"]}, {"separator": " "},
    {"words": "<eos> <unk>", "separator": " "}, {"words": ["<eos>", "<unk>", 3], "separator": ""},
    {"words": ["a", "b"], "separator": " "}, {"words": ["<eos>", "<unk>"], "separator": 0},
])
def test_malformed_state(state):
    """A checkpoint's vocabulary is read from a file: KeyError and TypeError escaped before."""
    with pytest.raises(GankitError, match=r"^runs/x/last.pt holds no valid vocabulary"):
        Vocabulary.from_state(state, "runs/x/last.pt")
