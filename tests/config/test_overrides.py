import pytest

from gankit.config.overrides import parse_overrides
from gankit.core.errors import GankitError


def test_nested_and_typed_values():
    parsed = parse_overrides(["steps=100", "g_opt.lr=1e-4", "g_opt.betas=[0.0, 0.9]",
                              "penalties=[{name: r1, weight: 5}]", "out=runs/x"])
    assert parsed == {"steps": 100, "g_opt": {"lr": "1e-4", "betas": [0.0, 0.9]},
                      "penalties": [{"name": "r1", "weight": 5}], "out": "runs/x"}


@pytest.mark.parametrize("bad", ["steps", "=3", "a..b=1"])
def test_malformed_override(bad):
    with pytest.raises(GankitError, match="key=value"):
        parse_overrides([bad])
