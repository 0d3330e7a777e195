"""The energy family's options: plain dataclasses, importable without torch so that the config
is checked before anything heavy loads."""

from __future__ import annotations

from dataclasses import dataclass

from gankit.core.checks import require_non_negative, require_unit_interval
from gankit.core.errors import GankitError
from gankit.nets.spec import Energy


@dataclass
class EBGANOptions:
    margin: float = 10.0  # m; section 4.1 fixes m = 10 for MNIST
    pt_weight: float = 0.1  # lambda_PT of EBGAN-PT (appendix F); 0 turns the term off
    # Section 2.3: D(x) = ||Dec(Enc(x)) - x||, the per-sample Euclidean norm.
    energy: Energy = "l2"
    pretrain_critic_steps: int = 0  # steps of autoencoder training on real data before the game

    def __post_init__(self) -> None:
        require_non_negative(self.margin, "objective_options.margin")
        require_non_negative(self.pt_weight, "objective_options.pt_weight")
        require_non_negative(self.pretrain_critic_steps, "objective_options.pretrain_critic_steps")


@dataclass
class MAGANOptions:
    energy: Energy = "sse"  # the authors' code: sum of squared errors per sample
    pretrain_epochs: float = 2.0  # autoencoder training on real data before the game
    epoch_steps: int | None = None  # None: one pass over the data (100 steps for 2D mixtures)
    pt_weight: float = 0.0  # MAGAN uses no pulling-away term; EBGAN's is available

    def __post_init__(self) -> None:
        require_non_negative(self.pretrain_epochs, "objective_options.pretrain_epochs")
        require_non_negative(self.pt_weight, "objective_options.pt_weight")
        if self.epoch_steps is not None and self.epoch_steps < 1:
            raise GankitError(f"objective_options.epoch_steps must be at least 1, "
                              f"got {self.epoch_steps}")


@dataclass
class BEGANOptions:
    gamma: float = 0.5  # diversity ratio E[L(G(z))] / E[L(x)] (section 3.2)
    lambda_k: float = 0.001  # proportional gain for k (section 3.3)
    k_init: float = 0.0  # k_0
    energy: Energy = "l1"  # L(v) = |v - D(v)|^eta with eta = 1, averaged over pixels

    def __post_init__(self) -> None:
        require_unit_interval(self.gamma, "objective_options.gamma")
        require_unit_interval(self.k_init, "objective_options.k_init")
        require_non_negative(self.lambda_k, "objective_options.lambda_k")
