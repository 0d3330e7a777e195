"""Generators and critics by family name: `build_nets("mlp", {...}, data_shape, z_dim)`.

Importing this package does not import torch: names, summaries and options come from
registry.py, and a family's module is imported when its nets are built.
"""

from typing import Any

from gankit.nets.build import build_nets, net_options
from gankit.nets.registry import NETS

__all__ = ["NETS", "Critic", "build_nets", "net_options"]


def __getattr__(name: str) -> Any:
    if name == "Critic":
        from gankit.nets.critic import Critic

        return Critic
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
