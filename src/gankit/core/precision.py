"""Which floating-point precision a device computes natively, and what `precision=auto` picks.

bf16 autocast only pays where the hardware multiplies bf16 natively: CUDA GPUs that support it,
and CPUs that report AVX-512 BF16 or AMX (x86) or the BF16 extension (Arm). Elsewhere PyTorch
emulates it: a bf16 matrix product measured 0.3 GFLOP/s against fp32's 20 GFLOP/s on one thread
of an AVX2-only AMD EPYC, so `auto` picks fp32 there.
"""

from __future__ import annotations

import contextlib
import platform
import warnings
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import torch

from gankit.core.errors import GankitWarning

X86_BF16_FLAGS = ("avx512_bf16", "amx_bf16")
EMULATED_BF16 = ("bf16 is emulated on {device} (no native bf16 found); a bf16 matrix product "
                 "ran about 60x slower than fp32 on an AVX2-only CPU. precision=auto picks fp32 "
                 "here")


class PrecisionWarning(GankitWarning):
    """An explicit precision the hardware does not compute natively."""


@dataclass(frozen=True)
class PrecisionChoice:
    precision: Literal["fp32", "bf16"]
    reason: str  # one line for the log: why this precision


def cpu_flags() -> frozenset[str]:
    """The CPU feature flags the kernel reports (Linux); empty where they cannot be read."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("flags", "Features"):
            return frozenset(value.split())
    return frozenset()


@cache
def cpu_has_native_bf16() -> bool:
    """True when this CPU reports bf16 arithmetic in hardware (AVX-512 BF16, AMX, Arm BF16)."""
    flags = cpu_flags()
    if platform.machine().lower() in ("aarch64", "arm64"):
        return "bf16" in flags
    return any(flag in flags for flag in X86_BF16_FLAGS)


def native_bf16(device: torch.device) -> bool:
    """Does `device` compute bf16 natively?"""
    if device.type == "cuda":
        return torch.cuda.is_available() and torch.cuda.is_bf16_supported(including_emulation=False)
    if device.type == "cpu":
        return cpu_has_native_bf16()
    return False


def choose_precision(requested: str, device: torch.device) -> PrecisionChoice:
    """Resolve `auto`; an explicit bf16 on hardware without native bf16 runs but warns."""
    native = native_bf16(device)
    if requested == "auto":
        if native:
            return PrecisionChoice("bf16", f"precision=auto chose bf16: {device} computes bf16 "
                                           f"natively")
        return PrecisionChoice("fp32", f"precision=auto chose fp32: {device} has no native bf16")
    if requested == "bf16" and not native:
        warnings.warn(EMULATED_BF16.format(device=device.type), PrecisionWarning, stacklevel=2)
    return PrecisionChoice(requested, f"precision={requested} as configured")  # type: ignore[arg-type]


def autocast(device: torch.device, precision: str, cache: bool = True) -> AbstractContextManager:
    """bf16 autocast when precision is bf16; a no-op context for fp32. `cache=False` for code
    captured as a CUDA graph (autocast's cache of cast weights does not survive a capture)."""
    if precision != "bf16":
        return contextlib.nullcontext()
    return torch.autocast(device_type=device.type, dtype=torch.bfloat16, cache_enabled=cache)


def set_matmul_precision(device: torch.device, precision: str, tf32: bool) -> None:
    """TF32 matrix math for fp32 on CUDA when `tf32` (Ampere and newer use it; others ignore it)."""
    if device.type == "cuda" and precision == "fp32":
        torch.set_float32_matmul_precision("high" if tf32 else "highest")
