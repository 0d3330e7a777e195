"""One-line GankitErrors for options and data shapes a family cannot build."""

from __future__ import annotations

from gankit.core.errors import GankitError


def require_positive(key: str, value: int) -> None:
    if value < 1:
        raise GankitError(f"net_options.{key} must be at least 1, got {value}")


def require_non_negative(key: str, value: int) -> None:
    if value < 0:
        raise GankitError(f"net_options.{key} must be 0 or more, got {value}")


def forbid_batch_norm_with_spectral_norm(d_norm: str, spectral: bool) -> None:
    # Batch statistics rescale every layer, so the critic would no longer be 1-Lipschitz.
    if spectral and d_norm == "batch":
        raise GankitError(
            "net_options.spectral_norm=true cannot be combined with net_options.d_norm='batch' "
            "(batch statistics undo the spectral bound); set d_norm to 'none' or 'layer'"
        )


def unsupported_shape(family: str, supported: str, data_shape: tuple[int, ...]) -> GankitError:
    return GankitError(f"net {family!r} builds {supported}; got data shape {tuple(data_shape)}")


def check_filters(sizes: list[int] | None, counts: list[int] | None) -> None:
    """SeqGAN's discriminator windows: both lists or neither, equally long, positive."""
    if (sizes is None) != (counts is None):
        raise GankitError("net_options.filter_sizes and filter_counts go together: set both")
    if sizes is None or counts is None:
        return
    if len(sizes) != len(counts) or not sizes:
        raise GankitError("net_options.filter_sizes and filter_counts must be equally long "
                          "non-empty lists")
    if min(sizes) < 1 or min(counts) < 1:
        raise GankitError("net_options.filter_sizes and filter_counts must be positive")
