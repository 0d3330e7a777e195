"""Atomic writes: a path that cannot be written is one GankitError line; nothing is damaged."""

import errno

import pytest

from gankit.core import io
from gankit.core.errors import GankitError
from gankit.core.io import atomic_path, make_folder, write_problem, write_text_atomic


def test_write_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "a" / "b.txt"
    write_text_atomic(target, "one")
    write_text_atomic(target, "two")
    assert target.read_text() == "two" and [p.name for p in target.parent.iterdir()] == ["b.txt"]


def test_folder_under_a_file(tmp_path):
    (tmp_path / "file.txt").write_text("keep")
    target = tmp_path / "file.txt" / "deeper" / "x.txt"
    with pytest.raises(GankitError, match=rf"^cannot write {target}: {tmp_path / 'file.txt'} "
                                          r"is a file, not a folder$"):
        write_text_atomic(target, "new")
    assert (tmp_path / "file.txt").read_text() == "keep"


def test_target_that_is_a_folder(tmp_path):
    target = tmp_path / "out.npz"
    (target / "inner").mkdir(parents=True)
    with pytest.raises(GankitError, match=rf"^cannot write {target}: {target} is a folder$"):
        write_text_atomic(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["out.npz"]
    assert [p.name for p in target.iterdir()] == ["inner"]


def test_read_only_folder(read_only_dir):
    kept = read_only_dir / "kept.txt"
    with pytest.raises(GankitError, match=rf"^cannot write {kept}: no permission to write in "
                                          rf"{read_only_dir}$"):
        write_text_atomic(kept, "new")
    with pytest.raises(GankitError, match=rf"no permission to write in {read_only_dir}$"):
        make_folder(read_only_dir / "a" / "b", "cannot create it")
    assert list(read_only_dir.iterdir()) == []


def test_failed_body_removes_the_temporary_file(tmp_path):
    target = tmp_path / "x.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("boom")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["x.bin"]


def test_failed_rename_is_one_line(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise OSError(errno.EROFS, "Read-only file system", str(dst))

    monkeypatch.setattr(io.os, "replace", refuse)
    with pytest.raises(GankitError, match=rf"{tmp_path} is on a read-only file system$"):
        write_text_atomic(tmp_path / "x.txt", "new")
    assert list(tmp_path.iterdir()) == []


def test_other_errors_give_their_reason(tmp_path):
    error = OSError(errno.ENOSPC, "No space left on device")
    assert write_problem(tmp_path, error) == "No space left on device"
