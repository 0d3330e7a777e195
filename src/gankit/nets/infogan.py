"""The InfoGAN-style 28×28 pair of Lucic et al. 2018 ("Are GANs created equal?").

Every layer keeps its bias, as in the reference implementation, so parameter counts match it.
"""

from __future__ import annotations

from torch import nn

from gankit.nets.checks import unsupported_shape
from gankit.nets.dcgan import dcgan_init_all
from gankit.nets.family import NetFamily
from gankit.nets.generator import SequentialGenerator
from gankit.nets.layers import LEAK, norm_1d, norm_2d
from gankit.nets.options import InfoganOptions

SUPPORTED = "28x28 images with 1 or 3 channels"
COMPACT = ("compact", "compact-exact")


class Infogan(NetFamily):
    Options = InfoganOptions

    @classmethod
    def check_shape(cls, data_shape: tuple[int, ...]) -> None:
        if tuple(data_shape) not in ((1, 28, 28), (3, 28, 28)):
            raise unsupported_shape("infogan", SUPPORTED, data_shape)

    @classmethod
    def generator(cls, options: InfoganOptions, data_shape: tuple[int, ...],
                  z_dim: int) -> nn.Module:
        return dcgan_init_all(_generator(options.g_norm, data_shape[0], z_dim))

    @classmethod
    def critic_body(cls, options: InfoganOptions,
                    data_shape: tuple[int, ...]) -> tuple[nn.Module, int]:
        return _critic_body(options.d_norm, data_shape[0])

    @classmethod
    def encoder_body(cls, options: InfoganOptions,
                     data_shape: tuple[int, ...]) -> tuple[nn.Module, int]:
        if options.autoencoder in COMPACT:
            exact = options.autoencoder == "compact-exact"
            return _compact_encoder_body(options.d_norm, data_shape[0], exact)
        return _critic_body(options.d_norm, data_shape[0])

    @classmethod
    def decoder(cls, options: InfoganOptions, data_shape: tuple[int, ...],
                code_dim: int) -> nn.Module:
        """The "mirror" decoder is shaped like the generator, with the critic's normalisation."""
        if options.autoencoder in COMPACT:
            return _compact_decoder(options.d_norm, data_shape[0], code_dim)
        return _generator(options.d_norm, data_shape[0], code_dim)

    @classmethod
    def initialise(cls, module: nn.Module) -> nn.Module:
        return dcgan_init_all(module)


def _generator(norm: str, channels: int, z_dim: int) -> nn.Module:
    return SequentialGenerator(
        nn.Linear(z_dim, 1024),
        *norm_1d(norm, 1024),
        nn.ReLU(),
        nn.Linear(1024, 128 * 7 * 7),
        *norm_1d(norm, 128 * 7 * 7),
        nn.ReLU(),
        nn.Unflatten(1, (128, 7, 7)),
        nn.ConvTranspose2d(128, 64, 4, 2, 1),
        *norm_2d(norm, 64),
        nn.ReLU(),
        nn.ConvTranspose2d(64, channels, 4, 2, 1),
        nn.Tanh(),
    )


def _critic_body(norm: str, channels: int) -> tuple[nn.Module, int]:
    features = nn.Sequential(
        nn.Conv2d(channels, 64, 4, 2, 1),
        nn.LeakyReLU(LEAK),
        nn.Conv2d(64, 128, 4, 2, 1),
        *norm_2d(norm, 128),
        nn.LeakyReLU(LEAK),
        nn.Flatten(),
        nn.Linear(128 * 7 * 7, 1024),
        *norm_1d(norm, 1024),
        nn.LeakyReLU(LEAK),
    )
    return features, 1024


# The autoencoder of compare_gan's BEGAN (Lucic et al. 2018): the critic's two convolutions, a
# linear map to the code, and a decoder without the 1024-wide layer: 1.07M weights on 28×28×1
# against 13.2M. "compact" puts the critic's norm and leaky ReLU after the second convolution;
# "compact-exact" goes from that convolution straight into the code's linear map, as compare_gan
# does (its BEGAN.py), so the two linear maps compose with nothing between them.
def _compact_encoder_body(norm: str, channels: int, exact: bool) -> tuple[nn.Module, int]:
    after_conv2 = [] if exact else [*norm_2d(norm, 128), nn.LeakyReLU(LEAK)]
    features = nn.Sequential(
        nn.Conv2d(channels, 64, 4, 2, 1),
        nn.LeakyReLU(LEAK),
        nn.Conv2d(64, 128, 4, 2, 1),
        *after_conv2,
        nn.Flatten(),
    )
    return features, 128 * 7 * 7


def _compact_decoder(norm: str, channels: int, code_dim: int) -> nn.Module:
    """Leaky ReLU on the code (as compare_gan applies it), then 7×7 → 14×14 → 28×28."""
    return SequentialGenerator(
        *norm_1d(norm, code_dim),
        nn.LeakyReLU(LEAK),
        nn.Linear(code_dim, 128 * 7 * 7),
        *norm_1d(norm, 128 * 7 * 7),
        nn.LeakyReLU(LEAK),
        nn.Unflatten(1, (128, 7, 7)),
        nn.ConvTranspose2d(128, 64, 4, 2, 1),
        *norm_2d(norm, 64),
        nn.LeakyReLU(LEAK),
        nn.ConvTranspose2d(64, channels, 4, 2, 1),
        nn.Tanh(),
    )
