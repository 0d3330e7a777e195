"""Fully connected generator and critic for 2D points, other flat data and (flattened) images."""

from __future__ import annotations

import math

from torch import nn

from gankit.nets.checks import unsupported_shape
from gankit.nets.family import NetFamily
from gankit.nets.generator import SequentialGenerator
from gankit.nets.layers import activation, norm_1d
from gankit.nets.options import MlpOptions


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
