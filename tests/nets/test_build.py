"""build_nets, net_options and the registry: option validation and shape errors."""

import dataclasses

import pytest

from gankit.core.errors import GankitError
from gankit.nets import NETS, build_nets, net_options


def test_every_family_is_registered():
    assert {"mlp", "dcgan", "infogan"} <= set(NETS.names())


@pytest.mark.parametrize("name", NETS.names())
def test_the_registry_declares_the_family_options(name):
    assert NETS.get(name).Options is net_options(name)


def test_unknown_net_names_the_choices():
    with pytest.raises(GankitError, match="unknown net 'dcgn'.*did you mean 'dcgan'"):
        build_nets("dcgn", {}, (1, 28, 28), 8)


@pytest.mark.parametrize(
    "name, key", [("mlp", "g_hiden"), ("dcgan", "widht"), ("infogan", "width")]
)
def test_unknown_option_key_is_named(name, key):
    with pytest.raises(GankitError, match=f"net_options.{key}"):
        build_nets(name, {key: 1}, (1, 28, 28), 8)


@pytest.mark.parametrize(
    "name, options, bad",
    [
        ("dcgan", {"width": 0}, "width"),
        ("dcgan", {"d_norm": "group"}, "d_norm"),
        ("infogan", {"d_norm": "instance"}, "d_norm"),
        ("mlp", {"d_layers": -1}, "d_layers"),
        ("mlp", {"activation": "gelu"}, "activation"),
    ],
)
def test_bad_option_values_name_the_key(name, options, bad):
    with pytest.raises(GankitError, match=f"net_options.{bad}"):
        build_nets(name, options, (1, 28, 28), 8)


def test_string_values_are_coerced():
    generator, _ = build_nets("dcgan", {"width": "8", "spectral_norm": "false"}, (1, 28, 28), 8)
    assert generator[-2].in_channels == 8


@pytest.mark.parametrize(
    "name, shape",
    [
        ("dcgan", (3, 48, 48)),
        ("dcgan", (3, 32, 28)),
        ("dcgan", (2,)),
        ("infogan", (1, 32, 32)),
        ("infogan", (2, 28, 28)),
        ("infogan", (2,)),
        ("mlp", (4, 4)),
    ],
)
def test_unsupported_shapes_say_what_is_supported(name, shape):
    with pytest.raises(GankitError, match=f"net '{name}' builds .*; got data shape") as error:
        build_nets(name, {}, shape, 8)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("z_dim", [0, -3, 2.5, True])
def test_bad_z_dim(z_dim):
    with pytest.raises(GankitError, match="z_dim"):
        build_nets("mlp", {}, (2,), z_dim)


def test_defaults():
    defaults = {
        "mlp": {
            "g_hidden": 256,
            "g_layers": 3,
            "d_hidden": 256,
            "d_layers": 3,
            "activation": "relu",
            "g_norm": "none",
            "d_norm": "none",
            "spectral_norm": False,
            "code_dim": 64,
            "conditioning": "projection",
            "pack": 1,
        },
        "dcgan": {"width": 64, "g_norm": "batch", "d_norm": "batch", "spectral_norm": False,
                  "code_dim": 64, "conditioning": "projection", "pack": 1},
        "infogan": {"d_norm": "batch", "g_norm": "batch", "spectral_norm": False, "code_dim": 64,
                    "autoencoder": "mirror", "conditioning": "projection", "pack": 1},
    }
    for name, expected in defaults.items():
        assert dataclasses.asdict(net_options(name)()) == expected
