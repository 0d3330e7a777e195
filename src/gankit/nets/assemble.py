"""Assemble the critic an objective asks for from a family's parts."""

from __future__ import annotations

from typing import Any

from torch import nn

from gankit.nets.autoencoder import AutoencoderCritic
from gankit.nets.critic import Critic
from gankit.nets.encoder_critic import EncoderCritic
from gankit.nets.spec import CriticSpec

DEFAULT_CODE_DIM = 64


def assemble_critic(family: Any, options: Any, data_shape: tuple[int, ...], z_dim: int,
                    spec: CriticSpec) -> nn.Module:
    features, feature_dim = family.critic_body(options, data_shape)
    if spec.kind == "score":
        return family.initialise(Critic(features, feature_dim))
    if spec.kind == "autoencoder":
        code_dim = getattr(options, "code_dim", DEFAULT_CODE_DIM)
        encoder = nn.Sequential(features, nn.Linear(feature_dim, code_dim))
        decoder = family.decoder(options, data_shape, code_dim)
        return family.initialise(AutoencoderCritic(encoder, decoder, spec.energy))
    if spec.kind == "encoder":
        return family.initialise(EncoderCritic(features, feature_dim, z_dim, spec.score))
    raise ValueError(f"unknown critic kind {spec.kind!r}")
