"""The toy2d benchmark script: variants reach the run's config, and the table's statistics."""

from __future__ import annotations

import pytest
import yaml


@pytest.fixture(scope="module")
def toy2d(load_script):
    return load_script("toy2d")


def test_a_variant_trains_its_objectives_preset_with_the_change(toy2d, tmp_path):
    result = toy2d.run_one("ebgan-no-pt", "ring", seed=3, steps=4, root=tmp_path)
    config = yaml.safe_load((tmp_path / "ebgan-no-pt-ring-3" / "config.yaml").read_text())
    assert config["objective"] == "ebgan"
    assert config["objective_options"]["pt_weight"] == 0.0
    assert config["seed"] == 3
    assert result["objective"] == "ebgan-no-pt" and result["samples"] == 2500
    assert 0 <= result["modes"] <= result["total_modes"] == 8


def test_mean_and_standard_error(toy2d):
    # values 1, 2, 3, 6: mean 3, sample variance 14/3, s.e. sqrt(14/3 / 4) = 1.08
    assert toy2d.mean_se([1.0, 2.0, 3.0, 6.0]) == "3.00 ± 1.08"
    assert toy2d.mean_se([5.0]) == "5.00"
    assert toy2d.mean_se([1.0, 3.0, float("inf")]) == "2.00 ± 1.00 (1 inf)"


def test_the_table_counts_seeds_per_dataset(toy2d):
    rows = [{"objective": "ns", "data": d, "seed": s, "seconds": 10.0, "modes": m,
             "high_quality": 90.0, "kl": 0.0}
            for d, seeds in (("ring", 3), ("grid", 1)) for s, m in zip(range(seeds), (8, 7, 6))]
    line = next(row for row in toy2d.table(rows, ["ring", "grid"]).splitlines()
                if row.startswith("| gankit ns"))
    assert line.startswith("| gankit ns | 1/3 | 7.00 ± 0.58 |")


def test_a_rerun_replaces_the_earlier_row_of_its_seed(toy2d):
    rows = [{"objective": "ns", "data": "ring", "seed": 0, "modes": 1},
            {"objective": "ns", "data": "ring", "seed": 1, "modes": 2},
            {"objective": "ns", "data": "ring", "seed": 0, "modes": 8}]
    assert [r["modes"] for r in toy2d.latest_per_seed(rows)] == [8, 2]
