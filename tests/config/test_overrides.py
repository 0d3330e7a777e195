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


@pytest.mark.parametrize("bad", ["steps\n=[", "\rsteps=1", "g_opt. lr=1", "a\x1bb=1", "st eps=2"])
def test_key_with_blanks_or_control_characters(bad):
    """Found by fuzzing: such a key went raw into a message that then spanned two lines."""
    with pytest.raises(GankitError, match="must look like key=value") as info:
        parse_overrides([bad])
    assert "\n" not in str(info.value) and "\r" not in str(info.value)
