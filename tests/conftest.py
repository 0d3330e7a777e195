"""Shared fixtures: tiny, fast configs for end-to-end tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def tiny_ring_overrides(tmp_path):
    """Overrides that make a ring run take well under a second."""
    return ["data=ring", "net=mlp", "net_options.g_hidden=16", "net_options.d_hidden=16",
            "z_dim=2", "batch_size=16", "log.every=2", "log.sample_every=5",
            "log.checkpoint_every=5", "log.n_points=50", "log.progress=false",
            "log.tensorboard=false", "device=cpu", f"out={tmp_path / 'run'}"]
