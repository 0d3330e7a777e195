"""A checkpoint crafted to run code when unpickled is refused, and the code never runs."""

import os
import pathlib

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.training.checkpoints.files import FORMAT, read_checkpoint


class Touch:
    """Unpickling calls marker.touch()."""

    def __init__(self, marker: pathlib.Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (pathlib.Path.touch, (self.marker,))


class MakeDir:
    def __init__(self, marker: pathlib.Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def evil_payloads(marker):
    yield Touch(marker)
    yield {"format": FORMAT, "step": 1, "generator": {"w": torch.zeros(2)}, "x": Touch(marker)}
    yield {"format": FORMAT, "nested": [1, {"deep": MakeDir(marker)}]}


@pytest.mark.parametrize("which", range(3))
def test_read_checkpoint_never_runs_the_code(tmp_path, which):
    marker = tmp_path / "marker"
    path = tmp_path / "last.pt"
    torch.save(list(evil_payloads(marker))[which], path)
    with pytest.raises(GankitError, match=r"is not a readable gankit checkpoint"):
        read_checkpoint(path)
    assert not marker.exists()


def test_the_crafted_file_would_run_code_if_unpickled(tmp_path):
    """The check above means something: a plain unpickle of the same file creates the marker."""
    marker = tmp_path / "marker"
    torch.save(Touch(marker), tmp_path / "last.pt")
    torch.load(tmp_path / "last.pt", weights_only=False)
    assert marker.exists()
