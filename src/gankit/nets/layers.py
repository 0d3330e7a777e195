"""Shared building blocks: normalisations, activations, DCGAN initialisation, spectral norm.

Norm helpers return a list of modules (empty for "none") so blocks read `[conv, *norm, act]`.
"""

from __future__ import annotations

from torch import nn
from torch.nn.utils.parametrizations import spectral_norm

LEAK = 0.2


def norm_2d(kind: str, channels: int) -> list[nn.Module]:
    """A normalisation for N×C×H×W maps. "layer" is per sample, so it is safe under penalties."""
    if kind == "none":
        return []
    if kind == "batch":
        return [nn.BatchNorm2d(channels)]
    if kind == "layer":
        return [nn.GroupNorm(1, channels)]
    if kind == "instance":
        return [nn.InstanceNorm2d(channels, affine=True)]
    raise ValueError(f"unknown 2d norm {kind!r}")


def norm_1d(kind: str, features: int) -> list[nn.Module]:
    """A normalisation for N×F vectors."""
    if kind == "none":
        return []
    if kind == "batch":
        return [nn.BatchNorm1d(features)]
    if kind == "layer":
        return [nn.LayerNorm(features)]
    raise ValueError(f"unknown 1d norm {kind!r}")


def activation(name: str) -> nn.Module:
    if name == "relu":
        return nn.ReLU()
    if name == "leaky_relu":
        return nn.LeakyReLU(LEAK)
    if name == "elu":
        return nn.ELU()
    raise ValueError(f"unknown activation {name!r}")


def dcgan_init(module: nn.Module) -> None:
    """Radford et al.: weights N(0, 0.02), batch-norm scales N(1, 0.02), biases zero."""
    if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(module.weight, 0.0, 0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.modules.batchnorm._BatchNorm):
        nn.init.normal_(module.weight, 1.0, 0.02)
        nn.init.zeros_(module.bias)


def add_spectral_norm(module: nn.Module) -> nn.Module:
    """Wrap every conv, linear and label-embedding weight inside `module` (in place); call after
    initialising. (The projection discriminator normalises its class embedding too.)"""
    for layer in list(module.modules()):
        if isinstance(layer, (nn.Conv2d, nn.Linear, nn.Embedding)):
            spectral_norm(layer)
    return module
