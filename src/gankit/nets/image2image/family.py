"""The image-to-image net families: each builds a generator that maps a source image to an
output image and a patch critic, from the target's shape and the source's. They take no class
labels and no critic kind but the scalar (patch) score."""

from __future__ import annotations

from typing import Any

from torch import nn

from gankit.core.errors import GankitError
from gankit.nets.family import NetFamily
from gankit.nets.image2image.paste import PasteKnown
from gankit.nets.image2image.patch import PatchCritic
from gankit.nets.image2image.resnet import ResnetGenerator
from gankit.nets.image2image.srresnet import SRResNetGenerator
from gankit.nets.image2image.two_way import TwoSidedCritic, TwoWayGenerator
from gankit.nets.image2image.unet import UNetGenerator
from gankit.nets.options import CycleganOptions, Pix2pixOptions, SrresnetOptions
from gankit.nets.spec import CriticSpec


class ImageToImage(NetFamily):
    """A family whose nets are conditioned on a source image (paired or unpaired image data)."""

    @classmethod
    def build(cls, options: Any, data_shape: tuple[int, ...], z_dim: int, spec: CriticSpec,
              classes: int = 0, source_shape: tuple[int, ...] | None = None,
              ) -> tuple[nn.Module, nn.Module]:
        if source_shape is None:
            raise GankitError("this net translates a source image into an image: train it on "
                              "paired or unpaired image data (e.g. data_options.pairs=edges)")
        if classes or spec != CriticSpec():
            raise GankitError("image-to-image nets take no class labels and no autoencoder or "
                              "encoder critic")
        return cls.generator_for(options, data_shape, source_shape), \
            cls.critic_for(options, data_shape, source_shape)

    @classmethod
    def generator_for(cls, options: Any, data_shape: tuple[int, ...],
                      source_shape: tuple[int, ...]) -> nn.Module:
        raise NotImplementedError

    @classmethod
    def critic_for(cls, options: Any, data_shape: tuple[int, ...],
                   source_shape: tuple[int, ...]) -> nn.Module:
        condition = source_shape[0] if options.conditional_critic else 0
        return PatchCritic(data_shape[0], condition, data_shape[1:], options.patch,
                           options.d_width, options.d_norm, options.spectral_norm)


class Pix2pix(ImageToImage):
    Options = Pix2pixOptions

    @classmethod
    def generator_for(cls, options: Any, data_shape: tuple[int, ...],
                      source_shape: tuple[int, ...]) -> nn.Module:
        if source_shape[1:] != data_shape[1:]:
            raise GankitError(f"net=pix2pix maps a source to an image of its size, but sources "
                              f"are {source_shape[1:]} and images {data_shape[1:]}; for "
                              f"super-resolution use net=srresnet")
        net = UNetGenerator(source_shape[0], data_shape[0], data_shape[1:], options.width,
                            options.depth, options.dropout, options.g_norm)
        if not options.paste:
            return net
        if source_shape[0] != data_shape[0] + 1:
            raise GankitError("net_options.paste keeps the known pixels of masked sources (the "
                              "image and a mask channel): set data_options.pairs=mask:...")
        return PasteKnown(net, data_shape[0])


class Srresnet(ImageToImage):
    Options = SrresnetOptions

    @classmethod
    def generator_for(cls, options: Any, data_shape: tuple[int, ...],
                      source_shape: tuple[int, ...]) -> nn.Module:
        scale = data_shape[1] // source_shape[1]
        if scale * source_shape[1] != data_shape[1] or scale * source_shape[2] != data_shape[2]:
            raise GankitError(f"net=srresnet upsamples by a whole factor, but sources are "
                              f"{source_shape[1:]} and images {data_shape[1:]}")
        return SRResNetGenerator(source_shape[0], data_shape[0], scale, options.blocks,
                                 options.width)


class Cyclegan(ImageToImage):
    """G: sources → targets and F: targets → sources, D_Y on targets and D_X on sources, all of
    one size (CycleGAN translates between domains of one image size; the channels may differ)."""

    Options = CycleganOptions

    @classmethod
    def generator_for(cls, options: Any, data_shape: tuple[int, ...],
                      source_shape: tuple[int, ...]) -> nn.Module:
        if source_shape[1:] != data_shape[1:]:
            raise GankitError(f"net=cyclegan translates between images of one size, but sources "
                              f"are {source_shape[1:]} and images {data_shape[1:]}")
        return TwoWayGenerator(cls.one_way(options, source_shape[0], data_shape),
                               cls.one_way(options, data_shape[0], source_shape))

    @classmethod
    def one_way(cls, options: Any, in_channels: int, out_shape: tuple[int, ...]) -> nn.Module:
        if options.generator == "unet":
            return UNetGenerator(in_channels, out_shape[0], out_shape[1:], options.width,
                                 options.depth, options.dropout, options.g_norm)
        return ResnetGenerator(in_channels, out_shape[0], options.blocks, options.width,
                               options.g_norm)

    @classmethod
    def critic_for(cls, options: Any, data_shape: tuple[int, ...],
                   source_shape: tuple[int, ...]) -> nn.Module:
        def critic(channels: int) -> nn.Module:
            return PatchCritic(channels, 0, data_shape[1:], options.patch, options.d_width,
                               options.d_norm, options.spectral_norm)

        return TwoSidedCritic(critic(data_shape[0]), critic(source_shape[0]))
