"""Fixtures for the metrics tests: single-threaded math, a private cache folder and a digits
classifier trained once."""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest
import torch
from threadpoolctl import threadpool_limits

from gankit.metrics.classifier_training import train_classifier


@contextmanager
def single_threaded():
    """These tests use small arrays, where a second thread gains little and, on a shared CPU,
    can cost several times the work in waiting (torch and BLAS alike); restored afterwards."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with threadpool_limits(limits=1):
            yield
    finally:
        torch.set_num_threads(threads)


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    with single_threaded():
        yield


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty GANKIT_CACHE for one test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("GANKIT_CACHE", str(folder))
    return folder


@pytest.fixture(scope="session")
def digits_cache(tmp_path_factory):
    """A cache holding a classifier trained for 3 epochs (~2 s) on digits resized to 28×28."""
    folder = tmp_path_factory.mktemp("digits-cache")
    with pytest.MonkeyPatch.context() as patch, single_threaded():
        patch.setenv("GANKIT_CACHE", str(folder))
        train_classifier("digits", epochs=3, image_size=28, log=lambda line: None)
    return folder


@pytest.fixture
def trained(digits_cache, cache):
    """The per-test cache, starting with a copy of the trained digits classifier."""
    shutil.copytree(digits_cache, cache)
    return cache
