"""Drawing samples from a generator at a fixed latent seed, in eval mode, without touching the
training RNGs."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import torch
from torch import Tensor, nn


def latent_batch(n: int, z_dim: int, seed: int, device: torch.device) -> Tensor:
    """A fixed z batch from its own seed (previews must not disturb the training RNG)."""
    rng = torch.Generator().manual_seed(seed)
    return torch.randn(n, z_dim, generator=rng).to(device)


@contextlib.contextmanager
def evaluation_mode(*modules: nn.Module) -> Iterator[None]:
    """Put `modules` in eval mode for the block, then restore each one's mode."""
    modes = [module.training for module in modules]
    for module in modules:
        module.eval()
    try:
        yield
    finally:
        for module, mode in zip(modules, modes):
            module.train(mode)


@torch.no_grad()
def generate(generator: nn.Module, z: Tensor, batch_size: int = 500,
             conditions: Tensor | None = None) -> Tensor:
    """G(z, condition) in eval mode, in chunks, on the CPU as float32 (token sequences stay
    int64); the generator's mode is restored. `conditions`: class labels or source images."""
    parts = z.split(batch_size)
    condition_parts = (conditions.to(z.device).split(batch_size) if conditions is not None
                       else [None] * len(parts))
    with evaluation_mode(generator):
        chunks = [as_output(generator(part, y)) for part, y in zip(parts, condition_parts)]
    return torch.cat(chunks)


def as_output(samples: Tensor) -> Tensor:
    """float32 on the CPU, or int64 for integer samples (tokens)."""
    if samples.is_floating_point():
        return samples.float().cpu()
    return samples.long().cpu()


def sample_generator(generator: nn.Module, z_dim: int, n: int, seed: int,
                     conditions: Tensor | None = None) -> Tensor:
    """n samples at the fixed latent seed `seed` (for conditional generators, for the n
    `conditions`: classes or source images), drawn on the generator's device (see generate)."""
    device = next(generator.parameters()).device
    return generate(generator, latent_batch(n, z_dim, seed, device), conditions=conditions)


def balanced_labels(n: int, classes: int) -> Tensor:
    """n labels in class order, as equal in number per class as n allows: 0, 0, ..., 1, 1, ..."""
    per_class = -(-n // classes)
    return torch.arange(classes).repeat_interleave(per_class)[:n]
