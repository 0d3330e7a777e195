"""Property: any file and options give token sequences that decode back to the text's lines
(out-of-vocabulary tokens as <unk>), or a one-line GankitError."""

import tempfile
from pathlib import Path

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.data.text import TextOptions, tokenise
from gankit.data.tokens import TokenSequences
from gankit.data.vocab import EOS, UNK, Vocabulary

PIECES = ["<eos>", "<unk>", "a", "b", "ab", " ", "  ", "\n", "\r\n", "\r", "\u2028", "\x0c", "\x85",
          "\ufeff", "\t", "ß", "İ", "\x1c", "é", "😀"]
TEXTS = st.text(max_size=80) | st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
OPTIONS = st.fixed_dictionaries({}, optional={
    "level": st.sampled_from(["word", "char", "byte"]), "vocab": st.integers(-1, 8),
    "length": st.integers(-1, 6), "lower": st.booleans(), "limit": st.integers(-1, 4) | st.none()})
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1"]


def load(data: bytes, options: dict) -> TokenSequences | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lines.txt"
        path.write_bytes(data)
        try:
            return load_dataset(f"text:{path}", options)
        except GankitError as error:
            assert "\n" not in str(error)
            return None


def expected_lines(text: str, options: dict, vocabulary: Vocabulary) -> list[str]:
    parsed = TextOptions(**options)
    known = set(vocabulary.words) - {EOS}
    return [vocabulary.separator.join(t if t in known else UNK for t in line[: parsed.length])
            for line in tokenise(text.removeprefix("\ufeff"), parsed)]


@settings(max_examples=200)
@given(TEXTS, OPTIONS, st.sampled_from(ENCODINGS))
def test_any_text(text, options, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    source = load(data, options)
    if source is None:
        return
    tokens, vocabulary = source.tokens, source.vocabulary
    assert tokens.dtype == torch.int64 and tokens.dim() == 2
    assert 0 <= int(tokens.min()) and int(tokens.max()) < source.vocab_size == len(vocabulary)
    assert len(vocabulary) <= options.get("vocab", 5000)
    assert Vocabulary.from_state(vocabulary.to_state()) == vocabulary
    if data.decode("utf-8-sig", errors="replace") == text.removeprefix("\ufeff"):
        assert source.decode(tokens) == expected_lines(text, options, vocabulary)


@settings(max_examples=100)
@given(st.binary(max_size=200), OPTIONS)
def test_any_bytes(raw, options):
    load(raw, options)


@settings(max_examples=100)
@given(st.lists(st.integers(-3, 12), min_size=1, max_size=6), st.integers(1, 3))
def test_decoding_any_ids(ids, rows):
    vocabulary = Vocabulary(("<eos>", "<unk>", "a", "b"), " ")
    lines = source_decode(torch.tensor([ids] * rows), vocabulary)
    assert len(lines) == rows and all(isinstance(line, str) for line in lines)


def source_decode(tokens: torch.Tensor, vocabulary: Vocabulary) -> list[str]:
    return TokenSequences(tokens, len(vocabulary), vocabulary).decode(tokens)
