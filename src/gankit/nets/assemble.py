"""Assemble the critic an objective asks for from a family's parts."""

from __future__ import annotations

from typing import Any, cast

from torch import nn

from gankit.core.errors import GankitError
from gankit.nets.autoencoder import AutoencoderCritic
from gankit.nets.critic import Critic, LabelReader
from gankit.nets.encoder_critic import EncoderCritic
from gankit.nets.packing import PackedCritic, packed_shape
from gankit.nets.spec import Conditioning, CriticSpec

DEFAULT_CODE_DIM = 64


def assemble_critic(family: Any, options: Any, data_shape: tuple[int, ...], z_dim: int,
                    spec: CriticSpec, classes: int = 0) -> nn.Module:
    """`classes` > 0 builds a conditional critic, conditioned as `options.conditioning` says."""
    pack = getattr(options, "pack", 1)
    if pack > 1:
        return _packed(family, options, data_shape, spec, classes, pack)
    if spec.kind == "autoencoder":
        if classes:
            raise GankitError("autoencoder critics have no conditional form in gankit")
        return _autoencoder(family, options, data_shape, spec)
    # options are validated, so a family's `conditioning` holds one of the Conditioning values
    conditioning = cast(Conditioning, getattr(options, "conditioning", "projection"))
    body_shape = with_label_inputs(data_shape, classes) if conditioning == "concat" else data_shape
    features, feature_dim = family.critic_body(options, body_shape)
    labels = LabelReader(feature_dim, classes, conditioning) if classes else None
    if spec.kind == "score":
        return family.initialise(Critic(features, feature_dim, labels))
    if spec.kind == "encoder":
        return family.initialise(EncoderCritic(features, feature_dim, z_dim, spec.score, labels))
    raise ValueError(f"unknown critic kind {spec.kind!r}")


def _packed(family: Any, options: Any, data_shape: tuple[int, ...], spec: CriticSpec,
            classes: int, pack: int) -> nn.Module:
    """PacGAN: a score critic of `pack` stacked samples (nets.packing)."""
    if classes or spec.kind != "score":
        raise GankitError("net_options.pack stacks samples for a critic that gives one score "
                          "per pack: unconditional scalar-score critics only (no classes, no "
                          "autoencoder or encoder critic)")
    features, feature_dim = family.critic_body(options, packed_shape(data_shape, pack))
    return PackedCritic(family.initialise(Critic(features, feature_dim)), pack)


def _autoencoder(family: Any, options: Any, data_shape: tuple[int, ...],
                 spec: CriticSpec) -> nn.Module:
    code_dim = getattr(options, "code_dim", DEFAULT_CODE_DIM)
    features, feature_dim = family.encoder_body(options, data_shape)
    encoder = nn.Sequential(features, nn.Linear(feature_dim, code_dim))
    decoder = family.decoder(options, data_shape, code_dim)
    return family.initialise(AutoencoderCritic(encoder, decoder, spec.energy))


def with_label_inputs(data_shape: tuple[int, ...], classes: int) -> tuple[int, ...]:
    """The shape a concat critic's body sees: one extra channel (or entry) per class."""
    return (data_shape[0] + classes, *data_shape[1:])
