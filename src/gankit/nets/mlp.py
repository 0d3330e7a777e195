"""Fully connected generator and critic for 2D points, other flat data and (flattened) images."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from torch import nn

from gankit.nets.checks import (
    forbid_batch_norm_with_spectral_norm,
    require_non_negative,
    require_positive,
    unsupported_shape,
)
from gankit.nets.critic import Conditioning
from gankit.nets.family import NetFamily
from gankit.nets.generator import SequentialGenerator
from gankit.nets.layers import activation, norm_1d
from gankit.nets.registry import NETS

Norm = Literal["none", "batch", "layer"]


@dataclass
class MlpOptions:
    """`*_layers` counts hidden layers; leaky_relu has slope 0.2 in both nets."""

    g_hidden: int = 256
    g_layers: int = 3
    d_hidden: int = 256
    d_layers: int = 3
    activation: Literal["relu", "leaky_relu", "elu"] = "relu"
    g_norm: Norm = "none"
    d_norm: Norm = "none"
    spectral_norm: bool = False  # critic only
    code_dim: int = 64  # bottleneck of autoencoder critics
    # Conditional runs: how the critic takes labels (projection, acgan or concat; nets.critic).
    conditioning: Conditioning = "projection"

    def __post_init__(self) -> None:
        require_positive("code_dim", self.code_dim)
        require_positive("g_hidden", self.g_hidden)
        require_positive("d_hidden", self.d_hidden)
        require_non_negative("g_layers", self.g_layers)
        require_non_negative("d_layers", self.d_layers)
        forbid_batch_norm_with_spectral_norm(self.d_norm, self.spectral_norm)


@NETS.register("mlp", "fully connected generator and critic for 2D points or flattened images")
class Mlp(NetFamily):
    Options = MlpOptions

    @classmethod
    def check_shape(cls, data_shape: tuple[int, ...]) -> None:
        # Rank 2 (e.g. token sequences) is refused rather than guessing its output range.
        if len(data_shape) not in (1, 3):
            raise unsupported_shape("mlp", "flat data (D,) or images (C, H, W)", data_shape)

    @classmethod
    def generator(cls, options: MlpOptions, data_shape: tuple[int, ...], z_dim: int) -> nn.Module:
        o = options
        return _mlp(z_dim, data_shape, o.g_hidden, o.g_layers, o.g_norm, o.activation)

    @classmethod
    def critic_body(cls, options: MlpOptions, data_shape: tuple[int, ...]) -> tuple[nn.Module, int]:
        o = options
        body, width = hidden_stack(math.prod(data_shape), o.d_hidden, o.d_layers, o.d_norm,
                                   o.activation)
        return nn.Sequential(nn.Flatten(), *body), width

    @classmethod
    def decoder(cls, options: MlpOptions, data_shape: tuple[int, ...], code_dim: int) -> nn.Module:
        """The critic's own widths and norm, mirrored: code → hidden layers → sample."""
        o = options
        return _mlp(code_dim, data_shape, o.d_hidden, o.d_layers, o.d_norm, o.activation)


def hidden_stack(
    width_in: int, width: int, layers: int, norm: str, act: str
) -> tuple[list[nn.Module], int]:
    """`layers` blocks of Linear → norm → activation; returns the modules and the output width."""
    modules: list[nn.Module] = []
    for _ in range(layers):
        modules += [nn.Linear(width_in, width, bias=norm == "none"), *norm_1d(norm, width)]
        modules.append(activation(act))
        width_in = width
    return modules, width_in


def _mlp(width_in: int, data_shape: tuple[int, ...], hidden: int, layers: int, norm: str,
         act: str) -> nn.Module:
    """Hidden layers then a linear map onto `data_shape` (through tanh for images)."""
    body, width = hidden_stack(width_in, hidden, layers, norm, act)
    out = [nn.Linear(width, math.prod(data_shape)), nn.Unflatten(1, tuple(data_shape))]
    if len(data_shape) == 3:
        out.append(nn.Tanh())
    return SequentialGenerator(*body, *out)
