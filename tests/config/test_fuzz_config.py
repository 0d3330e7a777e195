"""Property: any command line or YAML file gives a Config or a one-line GankitError, never
another exception."""

import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gankit.config.load import load_config
from gankit.config.overrides import parse_overrides
from gankit.config.schema import Config
from gankit.core.errors import GankitError

KEYS = ["steps", "batch_size", "z_dim", "n_critic", "ema", "seed", "device", "precision", "out",
        "preset", "data", "net", "objective", "lr_schedule", "tf32", "g_opt", "g_opt.lr",
        "g_opt.name", "g_opt.betas", "d_opt.alpha", "d_opt.momentum", "d_opt.clip_norm",
        "penalties", "instance_noise.std", "instance_noise.anneal_steps", "wrappers",
        "wrappers.ogan.weight", "encoder.enabled", "log", "log.every", "log.n_samples", "eval.every", "eval.n",
        "eval.metric", "data_options", "data_options.sigma", "data_options.limit",
        "net_options.g_hidden", "objective_options", "objective_options.a", "extends"]
NAMES = ["ring", "grid", "digits", "mlp", "dcgan", "ns", "wgan", "lsgan", "gp", "r1", "nope"]
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
           | st.sampled_from(NAMES + ["1e-4", ".nan", "-.inf", "[", "{a: 1}", "0x10", "~"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(KEYS + ["name", "weight", "options"])
                                        | st.text(max_size=6), inner, max_size=3),
                      max_leaves=8)
ODD = st.sampled_from(["", ".", "..", " ", "\t", "\n", "\r", "\x1b", "\u2028", "="])
KEY = (st.sampled_from(KEYS) | st.text(min_size=1, max_size=12)
       | st.builds(str.__add__, st.sampled_from(KEYS), ODD)
       | st.builds(str.__add__, ODD, st.sampled_from(KEYS)))


def flow(value) -> str:
    return yaml.safe_dump(value, default_flow_style=True, width=10_000).strip().removesuffix(
        "...").strip()


NOT_YAML = st.sampled_from(["[", "{a", "\x1b", "a: b: c", "'", "!!python/object:os.system"])
OVERRIDE = st.builds(lambda key, text: f"{key}={text}", KEY,
                     VALUES.map(flow) | st.text(max_size=20) | NOT_YAML)


def gives_config_or_one_line_error(make) -> None:
    try:
        assert isinstance(make(), Config)
    except GankitError as error:
        assert str(error) and "\n" not in str(error) and "\r" not in str(error)


@settings(max_examples=200)
@given(st.lists(OVERRIDE | st.text(max_size=20), max_size=4))
def test_any_overrides(items):
    try:
        assert isinstance(parse_overrides(items), dict)
    except GankitError as error:
        assert "\n" not in str(error)
    gives_config_or_one_line_error(lambda: load_config(None, items))


@settings(max_examples=100)
@given(st.dictionaries(KEY, VALUES, max_size=5) | VALUES)
def test_any_yaml_file(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.yaml"
        path.write_text(yaml.safe_dump(content), encoding="utf-8")
        gives_config_or_one_line_error(lambda: load_config(str(path), []))


@settings(max_examples=150)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_yaml_bytes(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.yaml"
        path.write_bytes(raw)
        gives_config_or_one_line_error(lambda: load_config(str(path), ["steps=1"]))


@settings(max_examples=100)
@given(st.text(min_size=1, max_size=300).filter(lambda text: "\x00" not in text)
       | st.sampled_from(["x" * 300, "x" * 300 + ".yaml", "/", "/dev/null", "_ring", "ns-ring"]))
def test_any_preset_or_file_name(source):
    gives_config_or_one_line_error(lambda: load_config(source, []))
