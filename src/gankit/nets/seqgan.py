"""The `seqgan` net family: the LSTM generator and the CNN discriminator of Yu et al. 2017 for
token sequences (data shape (L,)). The vocabulary size comes from the data when
`net_options.vocab` is left unset, and is then written into the run's config."""

from __future__ import annotations

from typing import Any

from torch import nn

from gankit.core.errors import GankitError
from gankit.nets.checks import unsupported_shape
from gankit.nets.critic import Critic
from gankit.nets.family import NetFamily
from gankit.nets.options import SeqganOptions
from gankit.nets.seqgan_discriminator import FILTER_COUNTS, FILTER_SIZES, ConvFeatures
from gankit.nets.seqgan_generator import SequenceGenerator
from gankit.nets.spec import CriticSpec


class Seqgan(NetFamily):
    Options = SeqganOptions

    @classmethod
    def options_from_data(cls, options: dict[str, Any], data: Any) -> dict[str, Any]:
        """Fill `vocab` from the data; refuse one too small for it."""
        needed, given = getattr(data, "vocab_size", None), options.get("vocab")
        if needed is None:
            return options
        if given is None:
            return {**options, "vocab": needed}
        if given < needed:
            raise GankitError(f"net_options.vocab={given} is smaller than the data's vocabulary "
                              f"({needed} tokens); leave it unset")
        return options

    @classmethod
    def check_shape(cls, data_shape: tuple[int, ...]) -> None:
        if len(data_shape) != 1:
            raise unsupported_shape("seqgan", "token sequences of shape (L,)", data_shape)

    @classmethod
    def build(cls, options: SeqganOptions, data_shape: tuple[int, ...], z_dim: int,
              spec: CriticSpec, classes: int = 0,
              source_shape: tuple[int, ...] | None = None) -> tuple[nn.Module, nn.Module]:
        cls.check_shape(data_shape)
        if source_shape is not None:
            raise GankitError("net 'seqgan' generates token sequences and takes no source image")
        if classes:
            raise GankitError("net 'seqgan' has no class-conditional form")
        if spec.kind != "score":
            raise GankitError(f"net 'seqgan' builds score critics only; this objective needs "
                              f"a {spec.kind} critic")
        if z_dim != data_shape[0]:
            raise GankitError(f"net 'seqgan' draws one token per latent coordinate: set "
                              f"z_dim={data_shape[0]} (the sequence length), got z_dim={z_dim}")
        if options.vocab is None:
            raise GankitError("net_options.vocab is unset and the data did not give one")
        return super().build(options, data_shape, z_dim, spec)

    @classmethod
    def generator(cls, options: SeqganOptions, data_shape: tuple[int, ...],
                  z_dim: int) -> nn.Module:
        o = options
        assert o.vocab is not None  # build() refuses an unset vocabulary
        return SequenceGenerator(o.vocab, data_shape[0], o.g_embed, o.g_hidden, o.temperature)

    @classmethod
    def critic_body(cls, options: SeqganOptions,
                    data_shape: tuple[int, ...]) -> tuple[nn.Module, int]:
        o = options
        assert o.vocab is not None  # build() refuses an unset vocabulary
        sizes = tuple(o.filter_sizes or FILTER_SIZES)
        counts = tuple(o.filter_counts or FILTER_COUNTS)
        if min(sizes) > data_shape[0]:
            raise GankitError(f"net_options.filter_sizes: every window is longer than the "
                              f"sequences ({data_shape[0]} tokens)")
        body = ConvFeatures(o.vocab, data_shape[0], o.d_embed, sizes, counts, o.dropout,
                            o.conv_banks)
        return body, body.width

    @classmethod
    def initialise(cls, module: nn.Module) -> nn.Module:
        """The head as in the official code: truncated N(0, 0.1) weights, bias 0.1."""
        if isinstance(module, Critic):
            nn.init.trunc_normal_(module.head.weight, std=0.1, a=-0.2, b=0.2)
            nn.init.constant_(module.head.bias, 0.1)
        return module
