import pytest

from gankit.core.errors import GankitError
from gankit.penalties import PENALTIES, build_penalty, penalty_class
from gankit.penalties.base import Penalty

NAMES = ["dragan", "gp", "r1", "r2"]


def test_registered_names():
    assert PENALTIES.names() == NAMES
    assert all(entry.summary for entry in PENALTIES.entries())


@pytest.mark.parametrize("name", NAMES)
def test_builds_with_defaults(name):
    penalty = build_penalty(name, {})
    assert isinstance(penalty, penalty_class(name)) and isinstance(penalty, Penalty)
    assert penalty.recommended_weight == 10.0


def test_unknown_option_is_named():
    with pytest.raises(GankitError, match="one_side") as error:
        build_penalty("gp", {"one_side": True})
    assert "did you mean 'one_sided'" in str(error.value)


def test_r1_takes_no_options():
    with pytest.raises(GankitError, match="penalties\\[\\].options.gamma"):
        build_penalty("r1", {"gamma": 10})


def test_unknown_penalty_lists_the_names():
    with pytest.raises(GankitError) as error:
        build_penalty("r3", {})
    assert all(name in str(error.value) for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_registry_declares_the_class_options(name):
    assert penalty_class(name).Options is PENALTIES.entry(name).options
