"""Generators and critics. Importing this package registers every family in NETS."""

from gankit.nets import began, dcgan, infogan, mlp, seqgan  # noqa: F401  (registers the families)
from gankit.nets.build import build_nets, net_options
from gankit.nets.critic import Critic
from gankit.nets.registry import NETS

__all__ = ["NETS", "Critic", "build_nets", "net_options"]
