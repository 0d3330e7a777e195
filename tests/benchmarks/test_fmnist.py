"""The Fashion-MNIST benchmark's entries (benchmarks/fmnist_entries.py): each is a valid config
of its preset with its change."""

from __future__ import annotations

import re
from dataclasses import asdict

import pytest

from gankit.api import _as_items
from gankit.config.load import load_config


@pytest.fixture(scope="module")
def fmnist(load_script):
    return load_script("fmnist_entries")


def test_every_entry_loads_as_a_config_of_its_preset(fmnist):
    for label, (preset, extra) in fmnist.ENTRIES.items():
        config = load_config(preset, _as_items(extra))
        assert config.preset == preset, label


def test_a_seed_entry_changes_the_seed_and_nothing_else(fmnist):
    seeded = {label: match for label in fmnist.ENTRIES
              if (match := re.search(r"-seed(\d+)$", label))}
    assert seeded
    for label, match in seeded.items():
        preset, extra = fmnist.ENTRIES[label]
        base_label = label[:match.start()]
        assert base_label in fmnist.ENTRIES, f"{label} has no entry {base_label} to compare with"
        base_preset, base_extra = fmnist.ENTRIES[base_label]
        assert base_preset == preset, label
        base = asdict(load_config(preset, _as_items(base_extra)))
        changed = asdict(load_config(preset, _as_items(extra)))
        assert changed.pop("seed") == int(match.group(1)) and base.pop("seed") == 0
        assert changed == base, label


def test_the_exact_compact_critic_entry_builds_compare_gans_layout(fmnist):
    preset, extra = fmnist.ENTRIES["began-exact-4k"]
    config = load_config(preset, _as_items(extra))
    assert config.net_options["autoencoder"] == "compact-exact"
    assert config.net_options["d_norm"] == "batch" and config.steps == 4000
