"""gankit: generative adversarial networks on one clean engine.

Python API: `gankit.train`, `gankit.resume`, `gankit.sample`, `gankit.make_trainer`, and for
O-GAN runs `gankit.encode` and `gankit.reconstruct`.
"""

__version__ = "0.1.0"

__all__ = ["encode", "make_trainer", "reconstruct", "resume", "sample", "train"]


def __getattr__(name: str):
    # Imported lazily so `import gankit` stays fast and light for the CLI.
    if name in __all__:
        from gankit import api

        return getattr(api, name)
    raise AttributeError(f"module 'gankit' has no attribute {name!r}")
