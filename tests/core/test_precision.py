"""precision=auto: bf16 autocast only where the device computes bf16 natively (simulated both ways)."""

import warnings

import pytest
import torch

from gankit.cli.main import main
from gankit.config.load import load_config
from gankit.core import precision
from gankit.core.precision import PrecisionWarning, choose_precision, cpu_has_native_bf16
from gankit.training.build import build_components

CPU = torch.device("cpu")


@pytest.fixture
def cpu_reports(monkeypatch):
    """Pretend the CPU reports these flags on this machine architecture."""

    def set_flags(flags, machine="x86_64"):
        monkeypatch.setattr(precision, "cpu_flags", lambda: frozenset(flags))
        monkeypatch.setattr(precision.platform, "machine", lambda: machine)
        cpu_has_native_bf16.cache_clear()

    yield set_flags
    cpu_has_native_bf16.cache_clear()


@pytest.mark.parametrize("flags, machine, native", [
    (["avx2", "fma"], "x86_64", False),  # the AVX2-only EPYC: bf16 is emulated
    (["avx512f", "avx512bw"], "x86_64", False),  # AVX-512 without its BF16 extension
    (["avx512f", "avx512_bf16"], "x86_64", True),
    (["amx_tile", "amx_bf16"], "x86_64", True),
    (["fp", "asimd", "bf16"], "aarch64", True),
    (["fp", "asimd"], "aarch64", False),
    ([], "x86_64", False),  # flags unreadable: assume nothing
])
def test_auto_picks_bf16_only_on_native_hardware(cpu_reports, flags, machine, native):
    cpu_reports(flags, machine)
    choice = choose_precision("auto", CPU)
    assert choice.precision == ("bf16" if native else "fp32")
    assert ("natively" if native else "no native bf16") in choice.reason


def test_explicit_bf16_without_native_support_runs_but_warns(cpu_reports):
    cpu_reports(["avx2"])
    with pytest.warns(PrecisionWarning, match="60x slower"):
        assert choose_precision("bf16", CPU).precision == "bf16"


@pytest.mark.parametrize("requested, flags", [("fp32", ["avx2"]), ("bf16", ["amx_bf16"]),
                                              ("auto", ["avx2"])])
def test_no_warning_when_the_choice_fits_the_hardware(cpu_reports, requested, flags):
    cpu_reports(flags)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        choose_precision(requested, CPU)


@pytest.mark.parametrize("flags, chosen", [(["avx2"], "fp32"), (["amx_bf16"], "bf16")])
def test_the_run_config_records_what_auto_chose(cpu_reports, tiny_ring_overrides, flags, chosen):
    cpu_reports(flags)
    config = load_config(None, tiny_ring_overrides)
    assert config.precision == "auto"
    parts = build_components(config)
    assert config.precision == chosen
    assert chosen in parts.precision_note


def test_cli_prints_the_choice_and_warns_in_one_line(cpu_reports, tiny_ring_overrides, capsys):
    cpu_reports(["avx2"])
    assert main(["train", *tiny_ring_overrides, "steps=2", "precision=bf16"]) == 0
    err = capsys.readouterr().err
    assert "gankit: warning: bf16 is emulated on cpu" in err
    assert "precision=bf16 as configured" in err
    assert "Traceback" not in err
