"""The typed training configuration. Every key a preset, a YAML file or `key=value` may set lives here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["auto", "fp32", "bf16"]


@dataclass
class OptimizerConfig:
    name: Literal["adam", "adamax", "rmsprop", "sgd"] = "adam"
    lr: float = 2e-4
    betas: tuple[float, float] = (0.5, 0.999)  # Adam and Adamax
    alpha: float = 0.99  # RMSprop smoothing constant (the paper's rho)
    momentum: float = 0.0  # SGD and RMSprop
    weight_decay: float = 0.0
    clip_norm: float = 0.0  # clip the gradients' global L2 norm to this before each step; 0: off
    # Adam and SGD: one fused kernel for every parameter's update (torch's `fused`) instead of
    # a few per parameter group; the same update up to rounding, fewer launches on a GPU
    fused: bool = False


@dataclass
class PenaltyConfig:
    name: str = "gp"
    weight: float = 10.0
    options: dict = field(default_factory=dict)
    # Lazy regularisation (StyleGAN2): run the penalty as its own update after every k-th critic
    # update only, with its weight multiplied by k. 1: in every critic update's loss.
    every: int = 1


@dataclass
class InstanceNoiseConfig:
    """Gaussian noise on every critic input, std annealed linearly from `std` to 0."""

    std: float = 0.0
    anneal_steps: int | None = None  # None: anneal over the whole run


@dataclass
class LogConfig:
    every: int = 50  # scalars to metrics.jsonl and TensorBoard
    sample_every: int = 500  # PNG grid (or scatter plot) at fixed z
    checkpoint_every: int = 1000
    # Before the game (pre-training), steps between checkpoints; 0 takes checkpoint_every. A
    # pre-training step can cost a thousandth of a round of the game (SeqGAN's MLE steps).
    phase_checkpoint_every: int = 0
    # Before the game, steps between scalar lines (each one waits for the device); 0 takes every
    phase_every: int = 0
    keep_checkpoints: int = 3  # the newest checkpoints kept (plus best.pt); older ones deleted
    n_samples: int = 64  # images in the grid; 2D runs draw `n_points`
    n_points: int = 2500
    tensorboard: bool = True
    progress: bool = True


@dataclass
class EvalConfig:
    """Evaluation during training (main process only), at a fixed latent seed.

    metric: what keep_best compares. auto = fid for images, mode_score for 2D mixtures,
    nll_oracle for token sequences. Lower is better for fid, kid_mean, kl and nll_oracle;
    higher for mode_score, modes, high_quality, precision, recall, coverage and inception_score.
    """

    every: int = 0  # steps between evaluations; 0 turns evaluation off
    n: int | None = None  # samples per evaluation; None: 2500 points, 5000 images, 10000 sequences
    metric: str = "auto"
    features: str = "domain-classifier"  # image feature extractor (inception-v3-fid also works)
    keep_best: bool = True  # write checkpoints/best.pt and best.json when `metric` improves


@dataclass
class Config:
    data: str = "ring"
    data_options: dict = field(default_factory=dict)
    net: str = "mlp"
    net_options: dict = field(default_factory=dict)
    objective: str = "ns"
    objective_options: dict = field(default_factory=dict)
    penalties: list[PenaltyConfig] = field(default_factory=list)
    instance_noise: InstanceNoiseConfig = field(default_factory=InstanceNoiseConfig)
    # Wrappers of the objective by name, each with its options (`gankit list wrappers`):
    # {ogan: {weight: 0.5}} makes the critic an encoder (O-GAN); conditional runs with
    # net_options.conditioning=acgan get {acgan: {}} (AC-GAN's class loss) by themselves.
    wrappers: dict = field(default_factory=dict)
    # Class-conditional generation for labelled data: G(z, y) and D(x, y), the critic conditioned
    # as net_options.conditioning says (projection, acgan or concat).
    conditional: bool = False
    z_dim: int = 64
    steps: int = 5000
    batch_size: int = 64
    n_critic: int = 1
    g_opt: OptimizerConfig = field(default_factory=OptimizerConfig)
    d_opt: OptimizerConfig = field(default_factory=OptimizerConfig)
    # linear: decay both lrs to 0 by `steps`; step: multiply both by lr_decay at each of
    # lr_milestones (the generator steps at which, say, BEGAN's M stalled)
    lr_schedule: Literal["constant", "linear", "step"] = "constant"
    lr_milestones: list[int] = field(default_factory=list)
    lr_decay: float = 0.5
    # A NaN or infinite loss or gradient: stop (naming the step, the term and the last good
    # checkpoint) or roll back to the last good checkpoint with every learning rate times
    # rollback_lr_factor (its n-th power for the n-th rollback in a row to the same checkpoint),
    # at most max_rollbacks times.
    on_nan: Literal["stop", "rollback"] = "stop"
    rollback_lr_factor: float = 0.5
    max_rollbacks: int = 10
    ema: float = 0.0  # decay of the generator's exponential moving average; 0 turns it off
    seed: int = 0
    device: str = "auto"  # auto | cpu | cuda | cuda:N
    sync_batchnorm: bool = False  # torchrun on GPUs: batch statistics over every process
    # auto: bf16 autocast where the device computes bf16 natively, fp32 elsewhere; the run's
    # config.yaml records what it chose.
    precision: Precision = "auto"
    tf32: bool = True  # fp32 matrix products in TF32 on CUDA GPUs that have it
    # On CUDA, replay the updates an objective marks capturable (SeqGAN's discriminator steps)
    # as CUDA graphs: one launch instead of hundreds of small kernels. No effect on CPU.
    cuda_graphs: bool = False
    out: str | None = None
    log: LogConfig = field(default_factory=LogConfig)
    eval: EvalConfig = field(default_factory=EvalConfig)
    preset: str | None = None  # informational: where the config came from


