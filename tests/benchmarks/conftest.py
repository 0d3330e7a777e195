"""Benchmark scripts are files, not modules of the package: tests load them by path."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).parents[2] / "benchmarks"


@pytest.fixture(scope="session")
def load_script() -> Callable[[str], ModuleType]:
    """A loader of benchmarks/NAME.py as a module. The scripts import each other by name
    (glance, machines, fmnist_entries, ...), as they do when run as `python benchmarks/NAME.py`,
    so benchmarks/ goes on sys.path."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))

    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(f"{name}_benchmark", SCRIPTS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return load
