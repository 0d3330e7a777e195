"""Path tests answer False for names the system cannot look up, on every Python version."""

import pytest

from gankit.core.paths import exists, is_dir, is_file


@pytest.mark.parametrize("name", ["x" * 5000, "a\x00b", "d/" + "y" * 300 + "/z"])
def test_unlookupable_names_are_not_there(tmp_path, name):
    path = tmp_path / name
    assert not exists(path) and not is_file(path) and not is_dir(path)


def test_ordinary_answers(tmp_path):
    (tmp_path / "f").write_text("x")
    assert is_file(tmp_path / "f") and exists(tmp_path / "f") and not is_dir(tmp_path / "f")
    assert is_dir(tmp_path) and not is_file(tmp_path)
    assert not exists(tmp_path / "f" / "under-a-file")
