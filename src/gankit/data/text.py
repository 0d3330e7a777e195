"""`text:PATH`: a UTF-8 text file, one training sequence per non-empty line.

Each line is split into words (on whitespace) or characters (`level=char`; spaces inside the
line count), cut to `length` tokens; a shorter line is ended by `<eos>` and padded with it
(see data.vocab for the special tokens). The vocabulary counts only the tokens kept. Lines are not joined across line breaks, so put one
sentence (or verse, or title) per line. A byte-order mark at the start is ignored.
"""

from __future__ import annotations

from pathlib import Path

import torch

from gankit.core.errors import GankitError
from gankit.core.paths import exists, is_file
from gankit.data.checks import check_positive, require_argument
from gankit.data.options import TextOptions
from gankit.data.tokens import TokenSequences
from gankit.data.vocab import SPECIALS, build_vocabulary


def read_text(path: Path) -> str:
    """The file's text; a GankitError in one line when it is missing or not UTF-8."""
    if not exists(path):
        raise GankitError(f"text file {path} does not exist")
    if not is_file(path):
        raise GankitError(f"text file {path} is not a file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GankitError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = raw[error.start]
        raise GankitError(f"{path} is not UTF-8 text (byte 0x{bad:02x} at offset {error.start}); "
                          f"convert it first, e.g. `iconv -f latin1 -t utf-8`") from None


def tokenise(text: str, options: TextOptions) -> list[list[str]]:
    """The non-empty lines as token lists."""
    if options.lower:
        text = text.lower()
    split = str.split if options.level == "word" else (lambda line: list(line.strip()))
    lines = [tokens for tokens in map(split, text.splitlines()) if tokens]
    return lines[: options.limit]


def check_options(options: TextOptions) -> None:
    check_positive(options.length, "length")
    check_positive(options.limit, "limit")
    if options.vocab <= len(SPECIALS):
        raise GankitError(f"data_options.vocab must be more than {len(SPECIALS)} (it counts "
                          f"{' and '.join(SPECIALS)}), got {options.vocab}")


def load_text(path: Path, options: TextOptions) -> TokenSequences:
    check_options(options)
    lines = [line[: options.length] for line in tokenise(read_text(path), options)]
    if not lines:
        raise GankitError(f"{path} holds no text (it has no non-empty line)")
    vocabulary = build_vocabulary(lines, options.vocab, " " if options.level == "word" else "")
    ids = [vocabulary.encode(line, options.length) for line in lines]
    return TokenSequences(torch.tensor(ids, dtype=torch.int64), len(vocabulary), vocabulary)


class TextLoader:
    Options = TextOptions

    @staticmethod
    def load(options: TextOptions, argument: str | None) -> TokenSequences:
        return load_text(Path(require_argument("text", argument)).expanduser(), options)
