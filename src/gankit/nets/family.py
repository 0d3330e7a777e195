"""The base class of a net family: an options dataclass and a builder of (generator, critic)."""

from __future__ import annotations

from typing import Any, ClassVar

from torch import nn

from gankit.options import NoOptions


class NetFamily:
    """Subclasses set `Options` and implement `build`; register them in NETS."""

    Options: ClassVar[type] = NoOptions

    @classmethod
    def build(
        cls, options: Any, data_shape: tuple[int, ...], z_dim: int
    ) -> tuple[nn.Module, nn.Module]:
        raise NotImplementedError
