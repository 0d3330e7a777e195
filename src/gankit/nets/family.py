"""The base class of a net family: an options dataclass, a generator, and a critic body from which
every kind of critic (score, autoencoder, encoder) is assembled."""

from __future__ import annotations

from typing import Any, ClassVar

from torch import nn

from gankit.core.errors import GankitError
from gankit.core.options import NoOptions
from gankit.nets.assemble import assemble_critic
from gankit.nets.conditioning import conditional_generator
from gankit.nets.layers import add_spectral_norm
from gankit.nets.spec import CriticSpec


class NetFamily:
    """Subclasses set `Options` and implement `generator` and `critic_body`; nets.registry declares
    each family (name, summary, options).

    A family that wants autoencoder critics shaped otherwise than its critic and generator
    overrides `encoder_body` and `decoder`.
    """

    Options: ClassVar[type] = NoOptions

    @classmethod
    def build(
        cls, options: Any, data_shape: tuple[int, ...], z_dim: int, spec: CriticSpec,
        classes: int = 0, source_shape: tuple[int, ...] | None = None,
    ) -> tuple[nn.Module, nn.Module]:
        """The generator and critic; class-conditional ones when `classes` > 0. Families that
        translate a source image (`source_shape`) override this (nets.image2image)."""
        if source_shape is not None:
            raise GankitError("this net family draws from noise and takes no source image; for "
                              "paired or unpaired image data use net=pix2pix or net=srresnet")
        cls.check_shape(data_shape)
        if classes:
            generator = conditional_generator(
                lambda width: cls.generator(options, data_shape, width), z_dim, classes)
        else:
            generator = cls.generator(options, data_shape, z_dim)
        critic = assemble_critic(cls, options, data_shape, z_dim, spec, classes)
        if getattr(options, "spectral_norm", False):
            add_spectral_norm(critic)
        return generator, critic

    @classmethod
    def options_from_data(cls, options: dict[str, Any], data: Any) -> dict[str, Any]:
        """Options completed from the loaded data before the nets are built (and before the
        run's config is written), e.g. a vocabulary size; unchanged by default."""
        return options

    @classmethod
    def check_shape(cls, data_shape: tuple[int, ...]) -> None:
        """A GankitError when the family cannot build nets for this data shape."""

    @classmethod
    def generator(cls, options: Any, data_shape: tuple[int, ...], z_dim: int) -> nn.Module:
        raise NotImplementedError

    @classmethod
    def critic_body(cls, options: Any, data_shape: tuple[int, ...]) -> tuple[nn.Module, int]:
        """The critic's features: a module mapping samples to flat N×F vectors, and F."""
        raise NotImplementedError

    @classmethod
    def encoder_body(cls, options: Any, data_shape: tuple[int, ...]) -> tuple[nn.Module, int]:
        """An autoencoder critic's encoder before its code layer: by default the critic body."""
        return cls.critic_body(options, data_shape)

    @classmethod
    def decoder(cls, options: Any, data_shape: tuple[int, ...], code_dim: int) -> nn.Module:
        """An autoencoder critic's decoder: by default shaped like the generator, from the code."""
        return cls.generator(options, data_shape, code_dim)

    @classmethod
    def initialise(cls, module: nn.Module) -> nn.Module:
        """The family's weight initialisation (PyTorch's defaults unless overridden)."""
        return module
