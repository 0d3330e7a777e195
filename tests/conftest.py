"""Shared fixtures: tiny, fast configs for end-to-end tests."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from gankit.metrics.classifier_training import train_classifier

# Property tests draw the same examples on every run, so the suite never fails by chance;
# HYPOTHESIS_PROFILE=explore draws fresh ones (run it in a loop to hunt for new bugs).
settings.register_profile("gankit", deadline=None, derandomize=True, database=None)
settings.register_profile("explore", deadline=None, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "gankit"))


@pytest.fixture
def tiny_ring_overrides(tmp_path):
    """Overrides that make a ring run take well under a second."""
    return ["data=ring", "net=mlp", "net_options.g_hidden=16", "net_options.d_hidden=16",
            "z_dim=2", "batch_size=16", "log.every=2", "log.sample_every=5",
            "log.checkpoint_every=5", "log.n_points=50", "log.progress=false",
            "log.tensorboard=false", "device=cpu", f"out={tmp_path / 'run'}"]


@pytest.fixture(scope="session")
def digits_classifier(tmp_path_factory):
    """A cache folder holding a digits classifier for 28×28 images, trained for one epoch."""
    folder = tmp_path_factory.mktemp("classifier-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GANKIT_CACHE", str(folder))
        train_classifier("digits", epochs=1, image_size=28, log=lambda line: None)
    return folder


@pytest.fixture
def classifier_cache(digits_classifier, tmp_path, monkeypatch):
    """GANKIT_CACHE set to a per-test copy of the digits classifier's cache."""
    folder = tmp_path / "cache"
    shutil.copytree(digits_classifier, folder)
    monkeypatch.setenv("GANKIT_CACHE", str(folder))
    return folder


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    """GANKIT_CACHE set to an empty folder: no classifier has been trained."""
    folder = tmp_path / "empty-cache"
    monkeypatch.setenv("GANKIT_CACHE", str(folder))
    return folder


@pytest.fixture
def read_only_dir(tmp_path, monkeypatch):
    """An existing folder nothing can be created in: chmod 0o555, and where that does not stop
    writes (root), os.mkdir and os.open refuse paths under it as the OS would."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):
        _refuse_writes_under(folder, monkeypatch)
    yield folder
    folder.chmod(0o755)


@pytest.fixture
def make_read_only(monkeypatch):
    """make_read_only(folder): nothing can be created in the existing `folder` from now on."""
    folders = []

    def apply(folder: Path) -> None:
        folder.chmod(0o555)
        folders.append(folder)
        if os.access(folder, os.W_OK):
            _refuse_writes_under(folder, monkeypatch)

    yield apply
    for folder in folders:
        folder.chmod(0o755)


def _refuse_writes_under(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_mkdir, real_open = os.mkdir, os.open
    writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def inside(path) -> bool:
        return folder in Path(os.path.abspath(path)).parents

    def denied(path):
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    def mkdir(path, *args, **kwargs):
        if inside(path):
            raise denied(path)
        return real_mkdir(path, *args, **kwargs)

    def open_(path, flags, *args, **kwargs):
        if flags & writes and inside(path):
            raise denied(path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "open", open_)
