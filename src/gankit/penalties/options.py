"""The penalties' options: plain dataclasses, importable without torch so that the config is
checked before anything heavy loads."""

from __future__ import annotations

from dataclasses import dataclass

from gankit.core.checks import require_non_negative


@dataclass
class GradientPenaltyOptions:
    target: float = 1.0  # the gradient norm the critic is pulled towards
    one_sided: bool = False  # penalise only norms above the target: max(0, ||grad|| - target)^2

    def __post_init__(self) -> None:
        require_non_negative(self.target, "penalty gp: options.target")


@dataclass
class DRAGANOptions:
    c: float = 0.5  # perturbation size, in units of the real batch's standard deviation
    k: float = 1.0  # target gradient norm

    def __post_init__(self) -> None:
        require_non_negative(self.c, "penalty dragan: options.c")
        require_non_negative(self.k, "penalty dragan: options.k")
