"""The net registry. An entry is a family class with an `Options` dataclass and a classmethod
`build(options, data_shape, z_dim) -> (generator, critic)`.

A generator maps z (N×z_dim) to samples of `data_shape` (images through tanh into [-1, 1], points
through a linear layer); a critic maps samples to one raw score per sample, shape (N,). Critics are
`gankit.nets.critic.Critic`: a `features` body giving a flat vector and a linear `head` to 1.
"""

from gankit.core.registry import Registry

NETS: Registry = Registry("net")
