"""Optimisers from OptimizerConfig."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch

from gankit.config.schema import OptimizerConfig


def make_optimizer(config: OptimizerConfig, params: Iterable[torch.nn.Parameter]) -> torch.optim.Optimizer:
    params = [p for p in params if p.requires_grad]
    optimizer = _optimizer(config, params)
    if config.clip_norm > 0:
        optimizer.register_step_pre_hook(_clipper(params, config.clip_norm))
    return optimizer


def _clipper(params: list[torch.nn.Parameter], max_norm: float) -> Callable[..., None]:
    """A step pre-hook that clips the global gradient norm (it is rebuilt, not checkpointed)."""

    def clip(optimizer: torch.optim.Optimizer, args: Any, kwargs: Any) -> None:
        torch.nn.utils.clip_grad_norm_(params, max_norm)

    return clip


def _optimizer(config: OptimizerConfig, params: list[torch.nn.Parameter]) -> torch.optim.Optimizer:
    fused = {"fused": True} if config.fused else {}
    if config.name == "adam":
        return torch.optim.Adam(params, lr=config.lr, betas=config.betas,
                                weight_decay=config.weight_decay, **fused)
    if config.name == "adamax":
        return torch.optim.Adamax(params, lr=config.lr, betas=config.betas,
                                  weight_decay=config.weight_decay)
    if config.name == "rmsprop":
        return torch.optim.RMSprop(params, lr=config.lr, alpha=config.alpha,
                                   momentum=config.momentum, weight_decay=config.weight_decay)
    return torch.optim.SGD(params, lr=config.lr, momentum=config.momentum,
                           weight_decay=config.weight_decay, **fused)
