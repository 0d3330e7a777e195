"""Shared fixtures: tiny, fast configs for end-to-end tests."""

from __future__ import annotations

import shutil

import pytest

from gankit.metrics.classifier_training import train_classifier


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
