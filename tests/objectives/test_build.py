import pytest

from gankit.config.schema import OptimizerConfig
from gankit.core.errors import GankitError
from gankit.core.validate import build_dataclass
from gankit.objectives import (
    OBJECTIVES,
    build_objective,
    check_data_kind,
    objective_class,
    objective_facts,
)
from gankit.objectives.base import Objective, ScoreObjective

NAMES = ["began", "ebgan", "gan-qp", "hinge", "loss-sensitive", "lsgan", "magan", "minimax", "ns",
         "ragan", "rsgan", "seqgan", "wgan", "wgan-gp"]
STATEFUL = {"began", "magan"}


def test_registered_names():
    assert OBJECTIVES.names() == NAMES
    assert all(entry.summary for entry in OBJECTIVES.entries())


@pytest.mark.parametrize("name", NAMES)
def test_builds_with_paper_defaults(name):
    objective = build_objective(name, {})
    assert isinstance(objective, objective_class(name))
    assert isinstance(objective, Objective)
    assert bool(objective.state_dict()) == (name in STATEFUL)


@pytest.mark.parametrize("name", NAMES)
def test_training_defaults_are_valid_config(name):
    defaults = objective_facts(name).training_defaults
    assert set(defaults) == {"n_critic", "g_opt", "d_opt"}
    assert isinstance(defaults["n_critic"], int) and defaults["n_critic"] >= 1
    for key in ("g_opt", "d_opt"):
        build_dataclass(OptimizerConfig, defaults[key], where=key)


def test_no_two_objectives_share_mutable_defaults():
    seen = {}
    for name in NAMES:
        for key in ("g_opt", "d_opt"):
            value = objective_facts(name).training_defaults[key]
            assert id(value) not in seen, (name, key, seen.get(id(value)))
            seen[id(value)] = (name, key)


def test_published_settings():
    def opt(name, key="d_opt"):
        return objective_facts(name).training_defaults[key]

    assert opt("minimax") == {"name": "adam", "lr": 2e-4, "betas": [0.5, 0.999]}
    assert opt("wgan") == {"name": "rmsprop", "lr": 5e-5}
    assert opt("wgan-gp") == {"name": "adam", "lr": 1e-4, "betas": [0.0, 0.9]}
    assert opt("hinge") == {"name": "adam", "lr": 2e-4, "betas": [0.0, 0.9]}
    assert opt("minimax", "g_opt") == opt("minimax", "d_opt")
    assert objective_facts("wgan").training_defaults["n_critic"] == 5
    assert objective_facts("wgan-gp").training_defaults["n_critic"] == 5


def test_unknown_option_is_named():
    with pytest.raises(GankitError, match="clipp") as error:
        build_objective("wgan", {"clipp": 0.1})
    assert "did you mean 'clip'" in str(error.value)


def test_options_on_an_objective_without_options():
    with pytest.raises(GankitError, match="objective_options.margin"):
        build_objective("hinge", {"margin": 2})


def test_wrong_option_type_is_named():
    with pytest.raises(GankitError, match="objective_options.clip"):
        build_objective("wgan", {"clip": "big"})


def test_unknown_objective_lists_the_names():
    with pytest.raises(GankitError) as error:
        build_objective("nope", {})
    message = str(error.value)
    assert "nope" in message and "\n" not in message
    assert all(name in message for name in NAMES)


def test_options_strings_from_the_command_line_are_coerced():
    assert build_objective("wgan", {"clip": "0.02"}).options.clip == pytest.approx(0.02)


@pytest.mark.parametrize("name", NAMES)
def test_the_registry_declares_what_the_class_is(name):
    entry = OBJECTIVES.entry(name)
    assert entry.value.Options is entry.options
    assert entry.facts.scores == issubclass(entry.value, ScoreObjective)


def test_data_kind_mismatch_names_the_objectives_that_fit():
    check_data_kind("seqgan", "oracle", "tokens")
    with pytest.raises(GankitError, match="objective 'ns' trains on points or images, but oracle "
                                          "holds tokens; for tokens use objective=seqgan"):
        check_data_kind("ns", "oracle", "tokens")
