import math

from gankit.metrics.directions import DIRECTIONS, improves, measures, metric_names


def test_directions():
    assert improves("fid", 3.0, 4.0) and not improves("fid", 5.0, 4.0)
    assert improves("mode_score", 0.5, 0.4) and not improves("kl", 0.5, 0.4)
    assert improves("modes", 0, None)
    assert not improves("kl", math.inf, None) and not improves("fid", math.nan, 1.0)
    assert {"fid", "kid_mean", "kl", "nll_oracle", "intra_fid"} == {
        k for k, v in DIRECTIONS.items() if v == "lower"}
    assert metric_names()[0] == "auto"


def test_measures_keep_finite_measurements_only():
    result = {"fid": 1.0, "kl": math.inf, "seed": 0, "n_fake": 9, "extractor": "x", "density": 2}
    assert measures(result) == {"fid": 1.0, "density": 2.0}
