"""DCGAN (Radford et al. 2016): strided (de)convolutions, no pooling, ReLU/tanh G, LeakyReLU D.

The critic's last 4×4 (or 7×7) convolution to one channel is written as the linear `head` over
the flattened map, which is the same function and keeps the features/head split.
"""

from __future__ import annotations

from torch import nn

from gankit.nets.checks import unsupported_shape
from gankit.nets.family import NetFamily
from gankit.nets.generator import SequentialGenerator
from gankit.nets.layers import LEAK, dcgan_init, norm_2d
from gankit.nets.options import DcganOptions

START = {28: 7, 32: 4, 64: 4}  # image size → spatial size of the smallest feature map
SUPPORTED = "28x28, 32x32 or 64x64 images (any channel count)"


class Dcgan(NetFamily):
    Options = DcganOptions

    @classmethod
    def check_shape(cls, data_shape: tuple[int, ...]) -> None:
        _image_size(data_shape)

    @classmethod
    def generator(cls, options: DcganOptions, data_shape: tuple[int, ...], z_dim: int) -> nn.Module:
        return dcgan_init_all(_generator(options, *_geometry(data_shape), z_dim, options.g_norm))

    @classmethod
    def critic_body(cls, options: DcganOptions, data_shape: tuple[int, ...]) -> tuple[nn.Module, int]:
        return _critic_body(options, *_geometry(data_shape))

    @classmethod
    def decoder(cls, options: DcganOptions, data_shape: tuple[int, ...], code_dim: int) -> nn.Module:
        """Shaped like the generator, with the critic's normalisation."""
        return _generator(options, *_geometry(data_shape), code_dim, options.d_norm)

    @classmethod
    def initialise(cls, module: nn.Module) -> nn.Module:
        return dcgan_init_all(module)


def dcgan_init_all(module: nn.Module) -> nn.Module:
    module.apply(dcgan_init)
    return module


def _geometry(data_shape: tuple[int, ...]) -> tuple[int, int, int]:
    """channels, the smallest map's size, and the number of stride-2 stages."""
    channels, size = _image_size(data_shape)
    start = START[size]
    return channels, start, (size // start).bit_length() - 1


def _image_size(data_shape: tuple[int, ...]) -> tuple[int, int]:
    if len(data_shape) != 3 or data_shape[1] != data_shape[2] or data_shape[1] not in START:
        raise unsupported_shape("dcgan", SUPPORTED, data_shape)
    return data_shape[0], data_shape[1]


def _up(c_in: int, c_out: int, norm: str) -> list[nn.Module]:
    conv = nn.ConvTranspose2d(c_in, c_out, 4, 2, 1, bias=norm == "none")
    return [conv, *norm_2d(norm, c_out), nn.ReLU()]


def _down(c_in: int, c_out: int, norm: str) -> list[nn.Module]:
    conv = nn.Conv2d(c_in, c_out, 4, 2, 1, bias=norm == "none")
    return [conv, *norm_2d(norm, c_out), nn.LeakyReLU(LEAK)]


def _generator(o: DcganOptions, channels: int, start: int, stages: int, z_dim: int,
               norm: str) -> nn.Module:
    top = o.width * 2 ** (stages - 1)
    # "Project and reshape": the first layer is a matrix multiply onto the smallest map.
    layers = [
        nn.Linear(z_dim, top * start * start, bias=norm == "none"),
        nn.Unflatten(1, (top, start, start)),
        *norm_2d(norm, top),
        nn.ReLU(),
    ]
    for i in range(stages - 1):
        layers += _up(top // 2**i, top // 2 ** (i + 1), norm)
    layers += [nn.ConvTranspose2d(o.width, channels, 4, 2, 1), nn.Tanh()]
    return SequentialGenerator(*layers)


def _critic_body(o: DcganOptions, channels: int, start: int, stages: int) -> tuple[nn.Module, int]:
    # No normalisation on the first layer, as in the paper.
    layers = [nn.Conv2d(channels, o.width, 4, 2, 1), nn.LeakyReLU(LEAK)]
    width = o.width
    for _ in range(stages - 1):
        layers += _down(width, 2 * width, o.d_norm)
        width *= 2
    return nn.Sequential(*layers, nn.Flatten()), width * start * start
