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
