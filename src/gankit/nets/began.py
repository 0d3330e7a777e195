"""The BEGAN architecture (Berthelot et al. 2017, section 3.5): 3×3 convolutions with ELUs and no
normalisation, each repeated `repeat` times per scale; down-sampling by stride-2 convolution with
the filter count growing linearly (n, 2n, 3n, ...); up-sampling by nearest neighbour; fully
connected maps, without non-linearity, to and from the embedding. The generator has the decoder's
shape; unlike the paper's it ends in tanh, so samples stay in the data's [-1, 1] range.
"""

from __future__ import annotations

from torch import nn

from gankit.nets.checks import unsupported_shape
from gankit.nets.family import NetFamily
from gankit.nets.generator import SequentialGenerator
from gankit.nets.options import BeganOptions

BASE = {28: 7, 32: 8, 64: 8}  # image size → the smallest map (the paper keeps 8×8)
SUPPORTED = "28x28, 32x32 or 64x64 images (any channel count)"


class Began(NetFamily):
    Options = BeganOptions

    @classmethod
    def check_shape(cls, data_shape: tuple[int, ...]) -> None:
        _geometry(data_shape)

    @classmethod
    def generator(cls, options: BeganOptions, data_shape: tuple[int, ...], z_dim: int) -> nn.Module:
        return _decoder(options, data_shape, z_dim)

    @classmethod
    def critic_body(cls, options: BeganOptions,
                    data_shape: tuple[int, ...]) -> tuple[nn.Module, int]:
        channels, base, stages = _geometry(data_shape)
        n = options.filters
        layers = [nn.Conv2d(channels, n, 3, 1, 1), nn.ELU()]
        for stage in range(1, stages + 1):
            layers += _convs(stage * n, options.repeat)
            layers += [nn.Conv2d(stage * n, (stage + 1) * n, 3, 2, 1), nn.ELU()]
        last = (stages + 1) * n
        layers += [*_convs(last, options.repeat), nn.Flatten()]
        return nn.Sequential(*layers), last * base * base


def _geometry(data_shape: tuple[int, ...]) -> tuple[int, int, int]:
    if len(data_shape) != 3 or data_shape[1] != data_shape[2] or data_shape[1] not in BASE:
        raise unsupported_shape("began", SUPPORTED, data_shape)
    base = BASE[data_shape[1]]
    return data_shape[0], base, (data_shape[1] // base).bit_length() - 1


def _convs(channels: int, repeat: int) -> list[nn.Module]:
    layers: list[nn.Module] = []
    for _ in range(repeat):
        layers += [nn.Conv2d(channels, channels, 3, 1, 1), nn.ELU()]
    return layers


def _decoder(options: BeganOptions, data_shape: tuple[int, ...], code_dim: int) -> nn.Module:
    channels, base, stages = _geometry(data_shape)
    n = options.filters
    layers: list[nn.Module] = [nn.Linear(code_dim, n * base * base), nn.Unflatten(1, (n, base, base))]
    for _ in range(stages):
        layers += [*_convs(n, options.repeat), nn.Upsample(scale_factor=2, mode="nearest")]
    layers += [*_convs(n, options.repeat), nn.Conv2d(n, channels, 3, 1, 1), nn.Tanh()]
    return SequentialGenerator(*layers)
