"""The crash harness, quick version: three SIGKILLs (one inside a checkpoint write), each run
resumed, bitwise equal to a run never interrupted."""

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "crash.py"


@pytest.mark.slow
def test_three_kills_resume_bitwise_equal():
    done = subprocess.run([sys.executable, str(SCRIPT), "--kills", "3", "--steps", "150"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3/3 bitwise equal" in done.stdout
