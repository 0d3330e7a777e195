"""Optimiser settings torch would reject, and non-finite floats anywhere, fail at validation."""

import pytest

from gankit.config.load import load_config
from gankit.core.errors import GankitError


def one_line_error(*overrides: str) -> str:
    with pytest.raises(GankitError) as info:
        load_config(None, list(overrides))
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("override, message", [
    ("g_opt.lr=nan", "g_opt.lr must be a finite number, got nan"),
    ("g_opt.lr=inf", "g_opt.lr must be a finite number, got inf"),
    ("g_opt.lr=.inf", "g_opt.lr must be a finite number, got inf"),
    ("g_opt.lr=1e400", "g_opt.lr must be a finite number, got inf"),
    ("d_opt.lr=-.inf", "d_opt.lr must be a finite number, got -inf"),
    ("g_opt.lr=0", "g_opt.lr must be a finite number greater than 0, got 0.0"),
    ("d_opt.lr=-1e-4", "d_opt.lr must be a finite number greater than 0, got -0.0001"),
    ("d_opt.weight_decay=-1", "d_opt.weight_decay must be >= 0, got -1.0"),
    ("g_opt.betas=[2, 0.9]", "g_opt.betas[0] must be in [0, 1), got 2.0"),
    ("g_opt.betas=[0.5, 1]", "g_opt.betas[1] must be in [0, 1), got 1.0"),
    ("d_opt.betas=[-0.1, 0.9]", "d_opt.betas[0] must be in [0, 1), got -0.1"),
    ("g_opt.betas=[0.5, nan]", "g_opt.betas[1] must be a finite number, got nan"),
    ("d_opt.momentum=-0.5", "d_opt.momentum must be >= 0, got -0.5"),
    ("d_opt.alpha=1", "d_opt.alpha must be in [0, 1), got 1.0"),
    ("d_opt.alpha=-0.1", "d_opt.alpha must be in [0, 1), got -0.1"),
    ("g_opt.clip_norm=-1", "g_opt.clip_norm must be >= 0 (0 turns it off), got -1.0"),
    ("g_opt.clip_norm=inf", "g_opt.clip_norm must be a finite number, got inf"),
])
def test_optimizer_settings(override, message):
    assert one_line_error(override) == message


@pytest.mark.parametrize("overrides, key", [
    (["instance_noise.std=nan"], "instance_noise.std"),
    (["ema=nan"], "ema"),
    (["wrappers.ogan.weight=inf"], "wrappers.ogan.weight"),
    (["penalties=[{name: r1, weight: .nan}]"], "penalties[0].weight"),
    (["penalties=[{name: gp, options: {target: inf}}]"], "penalties[0].options.target"),
    (["objective=lsgan", "objective_options.a=nan"], "objective_options.a"),
    (["objective=wgan", "objective_options.clip=-inf"], "objective_options.clip"),
    (["net=seqgan", "data=text:x.txt", "net_options.dropout=nan"], "net_options.dropout"),
    (["data_options.sigma=inf"], "data_options.sigma"),
])
def test_non_finite_floats_name_their_key(overrides, key):
    assert one_line_error(*overrides).startswith(f"{key} must be a finite number, got ")


def test_non_finite_integer_settings_are_not_integers():
    assert one_line_error("steps=.inf") == "steps must be an integer, got inf"
    assert one_line_error("batch_size=nan") == "batch_size must be an integer, got 'nan'"


def test_sgd_and_rmsprop_defaults_still_pass():
    config = load_config(None, ["d_opt.name=sgd", "d_opt.momentum=0.9", "g_opt.name=rmsprop",
                                "g_opt.alpha=0", "g_opt.betas=[0, 0]"])
    assert config.d_opt.momentum == 0.9 and config.g_opt.alpha == 0.0


def test_non_finite_float_in_a_yaml_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("objective: lsgan\nobjective_options: {b: .inf}\n")
    with pytest.raises(GankitError, match=r"^objective_options.b must be a finite number, got inf$"):
        load_config(str(path), [])
