"""Build a registered (generator, critic) pair from plain config values. Importing this module
does not import torch; building imports the family's module."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gankit.core.errors import GankitError
from gankit.core.validate import build_dataclass
from gankit.nets.registry import NETS
from gankit.nets.spec import CriticSpec

if TYPE_CHECKING:
    from torch import nn


def net_options(name: str) -> type[Any]:
    """The options dataclass of net family `name`."""
    return NETS.entry(name).options


def build_nets(
    name: str, options: Mapping[str, Any] | None, data_shape: tuple[int, ...], z_dim: int,
    critic: CriticSpec | None = None, classes: int = 0,
    source_shape: tuple[int, ...] | None = None,
) -> tuple[nn.Module, nn.Module]:
    """Validate `options` for family `name` and build its (generator, critic), the critic of the
    kind `critic` asks for (a scalar-score critic by default); both take labels of `classes`
    classes when it is more than 0, or a source image of `source_shape` (image-to-image)."""
    options_cls = net_options(name)
    if isinstance(z_dim, bool) or not isinstance(z_dim, int) or z_dim < 1:
        raise GankitError(f"z_dim must be a positive integer, got {z_dim!r}")
    typed = build_dataclass(options_cls, options, where="net_options")
    shape = tuple(int(n) for n in data_shape)
    source = None if source_shape is None else tuple(int(n) for n in source_shape)
    return NETS.get(name).build(typed, shape, z_dim, critic or CriticSpec(), classes, source)
