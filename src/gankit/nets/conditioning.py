"""Layers that take class labels: conditional batch normalisation for generators (de Vries et al.
2017; Miyato & Koyama 2018) and one-hot label inputs (Mirza & Osindero 2014, the cGAN), plus the
conversion of a family's unconditional generator into a conditional one."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from gankit.nets.generator import SequentialGenerator


class LabelledLayer(nn.Module):
    """A layer whose forward takes (x, labels); SequentialGenerator passes the labels on."""

    takes_labels = True


def require_labels(labels: Tensor | None) -> Tensor:
    if labels is None:
        raise ValueError("this net is class-conditional: pass the labels of the batch")
    return labels


class ConditionalBatchNorm(LabelledLayer):
    """Batch normalisation without its own affine terms, followed by a per-class gain and bias
    (rows of two embeddings, initialised to 1 and 0): y = gamma[c] * BN(x) + beta[c]."""

    def __init__(self, norm: nn.modules.batchnorm._BatchNorm, classes: int) -> None:
        super().__init__()
        features = norm.num_features
        self.norm = type(norm)(features, eps=norm.eps, momentum=norm.momentum, affine=False)
        self.gain = nn.Embedding(classes, features)
        self.bias = nn.Embedding(classes, features)
        nn.init.ones_(self.gain.weight)
        nn.init.zeros_(self.bias.weight)

    def forward(self, x: Tensor, labels: Tensor | None = None) -> Tensor:
        labels = require_labels(labels)
        shape = (len(x), -1) + (1,) * (x.dim() - 2)
        return self.gain(labels).view(shape) * self.norm(x) + self.bias(labels).view(shape)


class ConcatLabels(LabelledLayer):
    """x with the labels appended as one-hot entries (flat x) or one-hot maps (N×C×H×W x)."""

    def __init__(self, classes: int) -> None:
        super().__init__()
        self.classes = classes

    def forward(self, x: Tensor, labels: Tensor | None = None) -> Tensor:
        one_hot = F.one_hot(require_labels(labels), self.classes).to(x.dtype)
        if x.dim() == 4:
            one_hot = one_hot[:, :, None, None].expand(-1, -1, *x.shape[2:])
        return torch.cat([x, one_hot], dim=1)


def has_batch_norm(module: nn.Module) -> bool:
    return any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in module.modules())


def with_conditional_batch_norm(module: nn.Module, classes: int) -> nn.Module:
    """`module` with every batch normalisation replaced by its class-conditional form."""
    for name, child in module.named_children():
        if isinstance(child, nn.modules.batchnorm._BatchNorm):
            setattr(module, name, ConditionalBatchNorm(child, classes))
        else:
            with_conditional_batch_norm(child, classes)
    return module


def conditional_generator(build: Callable[[int], nn.Module], z_dim: int,
                          classes: int) -> nn.Module:
    """A generator that takes labels: its batch norms made conditional when it has any (the
    conv families), else the one-hot label concatenated to z (the MLP)."""
    generator = build(z_dim)
    if has_batch_norm(generator):
        return with_conditional_batch_norm(generator, classes)
    # a generator without batch norm is a stack of layers (a SequentialGenerator)
    return SequentialGenerator(ConcatLabels(classes), *cast(nn.Sequential, build(z_dim + classes)))
