from dataclasses import dataclass, field
from typing import Literal

import pytest

from gankit.core.errors import GankitError
from gankit.core.validate import build_dataclass, to_plain


@dataclass
class Inner:
    lr: float = 1.0
    betas: tuple[float, float] = (0.5, 0.9)


@dataclass
class Outer:
    name: Literal["adam", "sgd"] = "adam"
    steps: int = 10
    flag: bool = False
    limit: int | None = None
    inner: Inner = field(default_factory=Inner)
    items: list[Inner] = field(default_factory=list)


def test_builds_nested_values_and_coerces_strings():
    built = build_dataclass(Outer, {"steps": "20", "inner": {"lr": "1e-4", "betas": [0, 0.99]},
                                    "flag": "true", "items": [{"lr": 2}]})
    assert built.steps == 20 and built.flag is True
    assert built.inner.lr == pytest.approx(1e-4) and built.inner.betas == (0.0, 0.99)
    assert built.items[0].lr == 2.0 and built.limit is None


def test_unknown_key_names_key_and_suggests():
    with pytest.raises(GankitError, match=r"unknown key 'stepz'.*did you mean 'steps'"):
        build_dataclass(Outer, {"stepz": 3})


def test_nested_unknown_key_has_dotted_path():
    with pytest.raises(GankitError, match=r"inner\.lrr"):
        build_dataclass(Outer, {"inner": {"lrr": 3}})


def test_wrong_types_name_the_key():
    with pytest.raises(GankitError, match="steps must be an integer"):
        build_dataclass(Outer, {"steps": "ten"})
    with pytest.raises(GankitError, match="steps must be an integer"):
        build_dataclass(Outer, {"steps": 1.5})
    with pytest.raises(GankitError, match=r"inner.betas must have 2 items"):
        build_dataclass(Outer, {"inner": {"betas": [1]}})
    with pytest.raises(GankitError, match="flag must be true or false"):
        build_dataclass(Outer, {"flag": 3})


def test_literal_lists_allowed_values():
    with pytest.raises(GankitError, match=r"name='adm' is not allowed \(did you mean 'adam'\?\); "
                                          r"choose one of: adam, sgd"):
        build_dataclass(Outer, {"name": "adm"})


def test_to_plain_round_trips():
    built = build_dataclass(Outer, {"inner": {"lr": 3}})
    assert build_dataclass(Outer, to_plain(built)) == built


@pytest.mark.parametrize("value, shown", [
    (float("nan"), "nan"), (float("inf"), "inf"), ("-inf", "-inf"), ("1e999", "inf"),
    (10**400, "inf"), (-(10**400), "-inf"),
])
def test_floats_must_be_finite(value, shown):
    with pytest.raises(GankitError, match=rf"^inner\.lr must be a finite number, got {shown}$"):
        build_dataclass(Outer, {"inner": {"lr": value}})


def test_optional_float_keeps_the_finite_message():
    @dataclass
    class Sigma:
        sigma: float | None = None

    with pytest.raises(GankitError, match=r"^sigma must be a finite number, got nan$"):
        build_dataclass(Sigma, {"sigma": "nan"})
    assert build_dataclass(Sigma, {"sigma": None}).sigma is None


@dataclass
class Channels:
    channels: Literal[1, 3] = 3


@pytest.mark.parametrize("value", ["3", " 3", 3, 3.0])
def test_number_literal_from_a_quoted_yaml_value(value):
    """Found by fuzzing: channels: "3" in a YAML file gave `'3' is not allowed (did you mean
    '3'?)`."""
    built = build_dataclass(Channels, {"channels": value})
    assert built.channels == 3 and type(built.channels) is int


@pytest.mark.parametrize("value", [True, False, "three", 2, [3], None])
def test_number_literal_refuses_other_values(value):
    with pytest.raises(GankitError, match=r"^channels=.* is not allowed; choose one of: 1, 3$"):
        build_dataclass(Channels, {"channels": value})
