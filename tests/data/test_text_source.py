"""`text:PATH`: tokenisation, vocabulary, padding, and one-line errors for bad files."""

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.data.vocab import EOS_ID, UNK_ID


def write(tmp_path, text, name="t.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_word_level(tmp_path):
    path = write(tmp_path, "the cat sat\n\n  the dog  \nthe cat ran far away now\n")
    data = load_dataset(f"text:{path}", {"length": 4})
    assert data.kind == "tokens" and data.shape == (4,) and len(data) == 3
    words = data.vocabulary.words
    assert words[:4] == ("<eos>", "<unk>", "the", "cat")  # by count, then alphabetically
    assert data.vocab_size == len(words) == 8  # words cut by `length` do not count
    the, cat = words.index("the"), words.index("cat")
    assert data.tokens[0].tolist() == [the, cat, words.index("sat"), EOS_ID]
    assert data.tokens[1].tolist() == [the, words.index("dog"), EOS_ID, EOS_ID]
    assert data.tokens[2].tolist() == [the, cat, words.index("ran"), words.index("far")]
    assert data.decode(data.tokens) == ["the cat sat", "the dog", "the cat ran far"]


def test_vocabulary_cap_maps_the_rest_to_unk(tmp_path):
    path = write(tmp_path, "a a a b b c\n")
    data = load_dataset(f"text:{path}", {"vocab": 4, "length": 6})
    assert data.vocabulary.words == ("<eos>", "<unk>", "a", "b")
    assert data.tokens[0].tolist() == [2, 2, 2, 3, 3, UNK_ID]
    assert data.decode(data.tokens) == ["a a a b b <unk>"]


def test_char_level_lower_and_limit(tmp_path):
    path = write(tmp_path, "\ufeffAb a\nxyz\nlast\n")
    data = load_dataset(f"text:{path}", {"level": "char", "length": 5, "lower": True,
                                         "limit": 2})
    assert len(data) == 2
    assert data.decode(data.tokens) == ["ab a", "xyz"]
    assert "\ufeff" not in data.vocabulary.words


def test_batches_are_int64_and_resumable(tmp_path):
    path = write(tmp_path, "\n".join(f"w{i} x" for i in range(10)))
    data = load_dataset(f"text:{path}", {"length": 3})
    data.sample(4, torch.Generator().manual_seed(0))
    state = data.state_dict()
    after = data.sample(6, torch.Generator().manual_seed(1))
    again = load_dataset(f"text:{path}", {"length": 3})
    again.load_state_dict(state)
    assert after.dtype == torch.int64
    assert torch.equal(again.sample(6, torch.Generator().manual_seed(1)), after)


def test_changed_file_is_refused_on_resume(tmp_path):
    path = write(tmp_path, "a b c\n")
    state = load_dataset(f"text:{path}").state_dict()
    write(tmp_path, "d e f\n")
    with pytest.raises(GankitError, match="has changed since the run started"):
        load_dataset(f"text:{path}").load_state_dict(state)


@pytest.mark.parametrize("content, message", [
    (b"", "holds no text"),
    (b"\n  \n\t\n", "holds no text"),
    (b"caf\xe9 au lait\n", r"not UTF-8 text \(byte 0xe9 at offset 3\)"),
])
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(GankitError, match=message) as error:
        load_dataset(f"text:{path}")
    assert "\n" not in str(error.value)


def test_missing_path_and_options(tmp_path):
    with pytest.raises(GankitError, match="does not exist"):
        load_dataset(f"text:{tmp_path / 'none.txt'}")
    with pytest.raises(GankitError, match="is not a file"):
        load_dataset(f"text:{tmp_path}")
    with pytest.raises(GankitError, match="needs a path"):
        load_dataset("text")
    path = write(tmp_path, "a b\n")
    with pytest.raises(GankitError, match="data_options.vocab must be more than 2"):
        load_dataset(f"text:{path}", {"vocab": 2})
    with pytest.raises(GankitError, match="data_options.length"):
        load_dataset(f"text:{path}", {"length": 0})
    with pytest.raises(GankitError, match="data_options.level"):
        load_dataset(f"text:{path}", {"level": "byte"})


def test_a_literal_eos_in_the_text_does_not_end_its_line(tmp_path):
    """Found by fuzzing: the word `<eos>` in a line was encoded as the end of the line, so the
    line's later words sat after its end."""
    path = write(tmp_path, "a <eos> b\n")
    data = load_dataset(f"text:{path}", {"length": 4})
    words = data.vocabulary.words
    assert data.tokens[0].tolist() == [words.index("a"), UNK_ID, words.index("b"), EOS_ID]
    assert data.decode(data.tokens) == ["a <unk> b"]
