"""The net families' options: plain dataclasses, importable without torch so that the config is
checked before anything heavy loads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gankit.core.errors import GankitError
from gankit.nets.checks import (
    check_filters,
    forbid_batch_norm_with_spectral_norm,
    require_non_negative,
    require_positive,
)
from gankit.nets.spec import Conditioning

Norm = Literal["none", "batch", "layer"]
ImageNorm = Literal["batch", "instance", "layer", "none"]


@dataclass
class MlpOptions:
    """`*_layers` counts hidden layers; leaky_relu has slope 0.2 in both nets."""

    g_hidden: int = 256
    g_layers: int = 3
    d_hidden: int = 256
    d_layers: int = 3
    activation: Literal["relu", "leaky_relu", "elu"] = "relu"
    g_norm: Norm = "none"
    d_norm: Norm = "none"
    spectral_norm: bool = False  # critic only
    code_dim: int = 64  # bottleneck of autoencoder critics
    # Conditional runs: how the critic takes labels (projection, acgan or concat; nets.critic).
    conditioning: Conditioning = "projection"
    pack: int = 1  # PacGAN: the critic scores m samples at once (nets.packing)

    def __post_init__(self) -> None:
        require_positive("code_dim", self.code_dim)
        require_positive("pack", self.pack)
        require_positive("g_hidden", self.g_hidden)
        require_positive("d_hidden", self.d_hidden)
        require_non_negative("g_layers", self.g_layers)
        require_non_negative("d_layers", self.d_layers)
        forbid_batch_norm_with_spectral_norm(self.d_norm, self.spectral_norm)


@dataclass
class DcganOptions:
    """`width` is the channel count next to the image; it doubles at each halving of the size."""

    width: int = 64
    g_norm: Literal["batch", "none", "layer"] = "batch"
    d_norm: Literal["batch", "none", "layer", "instance"] = "batch"
    spectral_norm: bool = False  # critic only; needs d_norm other than "batch"
    code_dim: int = 64  # bottleneck of autoencoder critics
    # Conditional runs: how the critic takes labels (projection, acgan or concat; nets.critic).
    conditioning: Conditioning = "projection"
    pack: int = 1  # PacGAN: the critic scores m samples at once (nets.packing)

    def __post_init__(self) -> None:
        require_positive("width", self.width)
        require_positive("code_dim", self.code_dim)
        require_positive("pack", self.pack)
        forbid_batch_norm_with_spectral_norm(self.d_norm, self.spectral_norm)


@dataclass
class InfoganOptions:
    d_norm: Literal["batch", "none", "layer"] = "batch"
    g_norm: Literal["batch", "none"] = "batch"
    spectral_norm: bool = False  # critic only; needs d_norm other than "batch"
    code_dim: int = 64  # bottleneck of autoencoder critics
    # Autoencoder critics: "mirror" = the critic's body, then a decoder shaped like the generator;
    # "compact" = the smaller autoencoder of Lucic et al.'s BEGAN with a norm and leaky ReLU after
    # its second convolution; "compact-exact" = their layout as released, without them (nets.infogan).
    autoencoder: Literal["mirror", "compact", "compact-exact"] = "mirror"
    # Conditional runs: how the critic takes labels (projection, acgan or concat; nets.critic).
    conditioning: Conditioning = "projection"
    pack: int = 1  # PacGAN: the critic scores m samples at once (nets.packing)

    def __post_init__(self) -> None:
        require_positive("code_dim", self.code_dim)
        require_positive("pack", self.pack)
        forbid_batch_norm_with_spectral_norm(self.d_norm, self.spectral_norm)


@dataclass
class BeganOptions:
    filters: int = 64  # n
    repeat: int = 2  # convolutions per scale ("typically 2")
    code_dim: int = 64  # N_h, the autoencoder's embedding
    spectral_norm: bool = False  # critic only
    # Conditional runs: how the critic takes labels (projection, acgan or concat; nets.critic).
    conditioning: Conditioning = "projection"

    def __post_init__(self) -> None:
        require_positive("filters", self.filters)
        require_positive("repeat", self.repeat)
        require_positive("code_dim", self.code_dim)


@dataclass
class SeqganOptions:
    """Defaults are the paper's (generator: emb 32, hidden 32; discriminator: emb 64, Table 5)."""

    vocab: int | None = None  # None: the data's vocabulary size
    g_embed: int = 32
    g_hidden: int = 32
    temperature: float = 1.0  # the generator samples from softmax(logits / temperature)
    d_embed: int = 64
    filter_sizes: list[int] | None = None  # None: Table 5's (windows longer than L are dropped)
    filter_counts: list[int] | None = None
    dropout: float = 0.25  # the code's keep_prob 0.75
    # D's convolution banks: separate convolutions, or stacked into one matrix product (the same
    # function; 2.8x slower on a CPU, meant for GPUs, not yet measured there)
    conv_banks: Literal["separate", "stacked"] = "separate"

    def __post_init__(self) -> None:
        for key in ("g_embed", "g_hidden", "d_embed"):
            require_positive(key, getattr(self, key))
        if self.vocab is not None and self.vocab < 2:
            raise GankitError(f"net_options.vocab must be at least 2, got {self.vocab}")
        if not self.temperature > 0:
            raise GankitError(f"net_options.temperature must be > 0, got {self.temperature}")
        if not 0 <= self.dropout < 1:
            raise GankitError(f"net_options.dropout must be in [0, 1), got {self.dropout}")
        check_filters(self.filter_sizes, self.filter_counts)


@dataclass
class Pix2pixOptions:
    """pix2pix's U-Net generator and PatchGAN critic (nets.image2image)."""

    width: int = 64  # the U-Net's first layer (C64)
    depth: int | None = None  # U-Net levels; None: down to a 1×1 bottleneck for the image size
    dropout: float = 0.5  # in the first three decoder layers: the generator's noise
    g_norm: ImageNorm = "batch"
    d_width: int = 64
    patch: int | None = None  # the critic's receptive field; None: chosen for the image size
    d_norm: ImageNorm = "batch"
    spectral_norm: bool = False  # critic only; needs d_norm other than "batch"
    conditional_critic: bool = True  # the critic sees the source beside the output (pix2pix)
    # masked sources (inpainting): the output keeps the source's known pixels outside the holes
    paste: bool = False

    def __post_init__(self) -> None:
        require_positive("width", self.width)
        require_positive("d_width", self.d_width)
        if not 0.0 <= self.dropout < 1.0:
            raise GankitError(f"net_options.dropout must be in [0, 1), got {self.dropout}")
        forbid_batch_norm_with_spectral_norm(self.d_norm, self.spectral_norm)


@dataclass
class SrresnetOptions:
    """SRGAN's residual generator with sub-pixel upsampling and a PatchGAN critic."""

    blocks: int = 16
    width: int = 64
    d_width: int = 64
    patch: int | None = None
    d_norm: ImageNorm = "batch"
    spectral_norm: bool = False
    conditional_critic: bool = False  # SRGAN's critic judges the output alone

    def __post_init__(self) -> None:
        require_positive("blocks", self.blocks)
        require_positive("width", self.width)
        require_positive("d_width", self.d_width)
        forbid_batch_norm_with_spectral_norm(self.d_norm, self.spectral_norm)


@dataclass
class CycleganOptions:
    """CycleGAN's two generators and two PatchGAN critics (nets.image2image.two_way): the
    paper's residual generator, or pix2pix's U-Net (the authors' code offers both)."""

    generator: Literal["resnet", "unet"] = "resnet"
    width: int = 64  # the generators' first layer (c7s1-64; the U-Net's C64)
    blocks: int = 6  # resnet: residual blocks (the paper: 6 at 128x128, 9 at 256x256)
    depth: int | None = None  # unet: levels; None: down to a 1x1 bottleneck
    dropout: float = 0.0  # unet: in its first three decoder layers (CycleGAN uses none)
    g_norm: ImageNorm = "instance"
    d_width: int = 64
    patch: int | None = None  # the critics' receptive field; None: chosen for the image size
    d_norm: ImageNorm = "instance"
    spectral_norm: bool = False

    def __post_init__(self) -> None:
        for key in ("width", "blocks", "d_width"):
            require_positive(key, getattr(self, key))
        if not 0.0 <= self.dropout < 1.0:
            raise GankitError(f"net_options.dropout must be in [0, 1), got {self.dropout}")
        forbid_batch_norm_with_spectral_norm(self.d_norm, self.spectral_norm)


# Net options added after runs were saved, with the value that builds the nets as before them
# (a run's fingerprint leaves them out at that value, so older checkpoints still load)
NEUTRAL_NET_OPTIONS: dict[str, object] = {"pack": 1, "paste": False}
