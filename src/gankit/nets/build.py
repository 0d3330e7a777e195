"""Build a registered (generator, critic) pair from plain config values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from torch import nn

from gankit.core.errors import GankitError
from gankit.core.validate import build_dataclass
from gankit.nets.registry import NETS
from gankit.nets.spec import CriticSpec


def net_options(name: str) -> type:
    """The options dataclass of net family `name`."""
    return NETS.get(name).Options


def build_nets(
    name: str, options: Mapping[str, Any] | None, data_shape: tuple[int, ...], z_dim: int,
    critic: CriticSpec | None = None, classes: int = 0,
) -> tuple[nn.Module, nn.Module]:
    """Validate `options` for family `name` and build its (generator, critic), the critic of the
    kind `critic` asks for (a scalar-score critic by default); both take labels of `classes`
    classes when it is more than 0."""
    family = NETS.get(name)
    if isinstance(z_dim, bool) or not isinstance(z_dim, int) or z_dim < 1:
        raise GankitError(f"z_dim must be a positive integer, got {z_dim!r}")
    typed = build_dataclass(family.Options, options, where="net_options")
    shape = tuple(int(n) for n in data_shape)
    return family.build(typed, shape, z_dim, critic or CriticSpec(), classes)
