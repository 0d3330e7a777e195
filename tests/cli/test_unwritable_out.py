"""An `out` that cannot be written is one line and exit 2, and nothing that existed is damaged."""

import pytest

from gankit.cli.main import main


def run_cli(*args):
    return main([str(a) for a in args])


@pytest.fixture
def tiny(tiny_ring_overrides):
    """The tiny ring run without its out=."""
    return ["steps=2", *[o for o in tiny_ring_overrides if not o.startswith("out=")]]


@pytest.fixture
def ring_run(tmp_path, tiny_ring_overrides):
    assert run_cli("train", "steps=2", *tiny_ring_overrides) == 0
    return tmp_path / "run"


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith("gankit: error: ")
    return err.removeprefix("gankit: error: ")


def test_train_out_under_a_file(tmp_path, tiny, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "somefile.txt").write_text("precious")
    assert run_cli("train", *tiny, "out=somefile.txt/run") == 2
    assert one_line_error(capsys) == ("cannot create out=somefile.txt/run: somefile.txt is a file, "
                                      "not a folder")
    assert (tmp_path / "somefile.txt").read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["somefile.txt"]


def test_train_out_is_a_file(tmp_path, tiny, capsys):
    target = tmp_path / "somefile.txt"
    target.write_text("precious")
    assert run_cli("train", *tiny, f"out={target}") == 2
    assert one_line_error(capsys) == f"out={target} exists and is not a directory"
    assert target.read_text() == "precious"


def test_train_out_in_a_read_only_folder(read_only_dir, tiny, capsys):
    assert run_cli("train", *tiny, f"out={read_only_dir / 'run'}") == 2
    assert one_line_error(capsys) == (f"cannot create out={read_only_dir / 'run'}: no permission "
                                      f"to write in {read_only_dir}")
    assert list(read_only_dir.iterdir()) == []


def test_train_out_is_a_read_only_folder(read_only_dir, tiny, capsys):
    assert run_cli("train", *tiny, f"out={read_only_dir}") == 2
    assert one_line_error(capsys) == (f"cannot write {read_only_dir / 'config.yaml'}: no "
                                      f"permission to write in {read_only_dir}")
    assert list(read_only_dir.iterdir()) == []


@pytest.mark.parametrize("name", ["x.npz", "sub/x.png"])
def test_sample_out_under_a_file(ring_run, tmp_path, capsys, name):
    blocker = tmp_path / "somefile.txt"
    blocker.write_text("precious")
    assert run_cli("sample", ring_run, "--out", blocker / name) == 2
    assert one_line_error(capsys) == (f"cannot write {blocker / name}: {blocker} is a file, "
                                      "not a folder")
    assert blocker.read_text() == "precious"


def test_sample_out_is_a_folder(ring_run, tmp_path, capsys):
    target = tmp_path / "samples.npz"
    target.mkdir()
    assert run_cli("sample", ring_run, "--out", target) == 2
    assert one_line_error(capsys) == f"cannot write {target}: {target} is a folder"
    assert target.is_dir() and list(target.iterdir()) == []


@pytest.mark.parametrize("name", ["x.npz", "x.png", "sub/x.png"])
def test_sample_out_in_a_read_only_folder(ring_run, read_only_dir, capsys, name):
    assert run_cli("sample", ring_run, "--out", read_only_dir / name) == 2
    assert one_line_error(capsys) == (f"cannot write {read_only_dir / name}: no permission to "
                                      f"write in {read_only_dir}")
    assert list(read_only_dir.iterdir()) == []


def test_sample_keeps_a_file_in_a_read_only_folder(ring_run, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "kept"
    folder.mkdir()
    (folder / "x.npz").write_bytes(b"precious")
    monkeypatch.setattr("gankit.core.io.tempfile.mkstemp", _refuse)
    assert run_cli("sample", ring_run, "--out", folder / "x.npz") == 2
    assert one_line_error(capsys).endswith(f"no permission to write in {folder}")
    assert (folder / "x.npz").read_bytes() == b"precious"
    assert [p.name for p in folder.iterdir()] == ["x.npz"]


def _refuse(*args, **kwargs):
    raise PermissionError(13, "Permission denied")
