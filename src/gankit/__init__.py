"""gankit: generative adversarial networks on one clean engine."""

__version__ = "0.1.0"
