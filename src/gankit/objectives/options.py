"""The objectives' options: plain dataclasses, importable without torch so that the config is
checked before anything heavy loads. Each objective's module says what the options mean in its
paper."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gankit.core.checks import require_non_negative, require_positive, require_unit_interval
from gankit.core.errors import GankitError
from gankit.nets.spec import Energy


@dataclass
class LSGANOptions:
    """Targets: a for fake and b for real (critic), c for fake (generator).

    The default is the paper's 0-1 coding (eq. 9), which its experiments and reference code use.
    The alternative a=-1, b=1, c=0 (eq. 8) satisfies b-c=1, b-a=2, under which the generator
    minimises the Pearson chi-squared divergence; the paper reports both perform similarly.
    """

    a: float = 0.0
    b: float = 1.0
    c: float = 1.0

    def __post_init__(self) -> None:
        if self.a == self.b:
            raise GankitError(
                f"objective_options.a and objective_options.b must differ (the critic's fake "
                f"and real targets), both are {self.a!r}"
            )


@dataclass
class WGANOptions:
    clip: float = 0.01  # c in Algorithm 1
    # algorithm: n_critic critic steps per generator step (Algorithm 1). reference: the authors'
    # released code (main.py), 100 for the first 25 generator steps and every 500th, n_critic else.
    critic_schedule: Literal["algorithm", "reference"] = "algorithm"

    def __post_init__(self) -> None:
        require_positive(self.clip, "objective_options.clip")


@dataclass
class WGANGPOptions:
    gp_weight: float = 10.0  # lambda in Algorithm 1

    def __post_init__(self) -> None:
        require_non_negative(self.gp_weight, "objective_options.gp_weight")


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


@dataclass
class LossSensitiveOptions:
    slack_weight: float = 1.0  # lambda, the weight of the margin slacks
    real_weight: float = 1.0  # weight of E[L(x)]; the author's code sets 0 (the theorem allows it)
    delta: Literal["l1", "l2"] = "l1"  # the distance in the margin Delta(x, G(z))
    # tau: Delta = tau * ||x - G(z)|| summed over entries; the author's MNIST (32x32) code uses
    # 0.0008 for L1, so margins stay of order 1 on images. 2D data needs a larger tau.
    delta_scale: float = 8e-4
    # How the critic's raw output becomes the non-negative loss L_theta: relu as in the author's
    # code (its last layer); softplus keeps a gradient where relu is flat; none leaves it raw.
    activation: Literal["relu", "softplus", "none"] = "relu"

    def __post_init__(self) -> None:
        require_positive(self.slack_weight, "objective_options.slack_weight")
        require_non_negative(self.real_weight, "objective_options.real_weight")
        require_positive(self.delta_scale, "objective_options.delta_scale")


@dataclass
class GANQPOptions:
    scale: float = 10.0  # lambda
    # d(x_r, x_f), per entry so lambda does not depend on the image size: l1 = mean absolute
    # difference, l2 = root mean squared difference (the GAN-QP code); mse = mean squared
    # difference (the O-GAN code's variant, where lambda = 2 gives its 0.25 / mse).
    distance: Literal["l1", "l2", "mse"] = "l1"

    def __post_init__(self) -> None:
        require_positive(self.scale, "objective_options.scale")


@dataclass
class SeqganOptions:
    rollouts: int = 16  # N in eq. 4
    rollout_rate: float = 0.8  # β ← rate·β + (1 − rate)·θ; 0 rolls out with the current G
    mle_epochs: int = 120  # the official code's PRE_EPOCH_NUM
    # the code's 50 × 3 epochs over real + fresh generated data (with d_negative_sets: sets of
    # negatives, d_epochs epochs each, as the code; without: fresh fakes every step)
    d_pretrain_epochs: int = 150
    head_l2: float = 0.2  # the code's l2_reg_lambda on D's output layer
    mle_eval_epochs: int = 5  # NLL_oracle every 5 MLE epochs, as the code (when eval.every > 0)
    # The official code's discriminator training per generator step: d_negative_sets times,
    # generate as many negatives as there are training sequences, then d_epochs epochs over them
    # (5 and 3). 0 keeps n_critic steps on fresh negatives per generator step instead.
    d_negative_sets: int = 0
    d_epochs: int = 3
    # D's real and fake sequences in one forward pass (`joint`, as the code's mixed batches: half
    # the kernels of a D step on a GPU) or one pass each (`separate`, the reduced schedule's
    # measured runs). The same values; the gradients differ in rounding.
    d_batch: Literal["separate", "joint"] = "separate"

    def __post_init__(self) -> None:
        if self.rollouts < 1:
            raise GankitError(f"objective_options.rollouts must be at least 1, got {self.rollouts}")
        require_unit_interval(self.rollout_rate, "objective_options.rollout_rate")
        for key in ("mle_epochs", "d_pretrain_epochs", "mle_eval_epochs", "d_negative_sets"):
            if getattr(self, key) < 0:
                raise GankitError(f"objective_options.{key} must be 0 or more")
        require_non_negative(self.head_l2, "objective_options.head_l2")
        if self.d_epochs < 1:
            raise GankitError(f"objective_options.d_epochs must be at least 1, got {self.d_epochs}")
