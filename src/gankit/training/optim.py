"""Optimisers from OptimizerConfig."""

from __future__ import annotations

from collections.abc import Iterable

import torch

from gankit.config.schema import OptimizerConfig


def make_optimizer(config: OptimizerConfig, params: Iterable[torch.nn.Parameter]) -> torch.optim.Optimizer:
    params = [p for p in params if p.requires_grad]
    if config.name == "adam":
        return torch.optim.Adam(params, lr=config.lr, betas=config.betas,
                                weight_decay=config.weight_decay)
    if config.name == "adamax":
        return torch.optim.Adamax(params, lr=config.lr, betas=config.betas,
                                  weight_decay=config.weight_decay)
    if config.name == "rmsprop":
        return torch.optim.RMSprop(params, lr=config.lr, alpha=config.alpha,
                                   momentum=config.momentum, weight_decay=config.weight_decay)
    return torch.optim.SGD(params, lr=config.lr, momentum=config.momentum,
                           weight_decay=config.weight_decay)
