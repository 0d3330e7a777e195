"""An error quoting a path or value that holds a line break still prints as one line."""

from gankit.cli.main import main, one_line


def test_line_breaks_are_escaped():
    assert one_line("a\nb\rc\u2028d") == "a\\nb\\rc\\u2028d"
    assert one_line("plain: é, tabs\tstay") == "plain: é, tabs\tstay"


def test_run_folder_with_a_line_break(tmp_path, capsys):
    assert main(["sample", str(tmp_path / "a\nb"), "--out", str(tmp_path / "x.npz")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("gankit: error: ") and "a\\nb" in err


def test_yaml_value_with_a_line_break(tmp_path, capsys):
    config = tmp_path / "mine.yaml"
    config.write_text('data: "folder:/no/such\\nfolder"\n')
    assert main(["train", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/no/such\\nfolder" in err
