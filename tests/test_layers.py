"""The package's layering (design.md): arrows point one way, the engine knows no particular GAN,
and the engine and each objective's losses stay short enough to read top to bottom."""

import ast
import inspect
from pathlib import Path

import pytest

from gankit.data import DATASETS
from gankit.nets import NETS
from gankit.objectives import OBJECTIVES

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "gankit"
# Lower ranks are lower layers: a package imports only packages of lower rank (and itself).
RANK = {"core": 0, "viz": 1, "sequences": 1, "data": 2, "nets": 3, "metrics": 3, "objectives": 4,
        "penalties": 4, "config": 5, "training": 6, "use": 7, "cli": 8, "api": 8, "__main__": 9,
        "__init__": 9}
DATA_KINDS = {"points", "images", "tokens"}


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        yield parts[0], path


def imported(path):
    """Every gankit module `path` imports, dotted."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("gankit"):
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("gankit"))


@pytest.mark.parametrize("package, path", list(modules()), ids=lambda v: str(v))
def test_imports_point_down(package, path):
    for module in imported(path):
        parts = module.split(".")
        target = parts[1] if len(parts) > 1 else "__init__"
        if target == package:
            continue
        assert RANK[target] < RANK[package], f"{path.relative_to(PACKAGE)} imports {module}"


def registered_modules():
    """Modules that define a specific objective, net family or dataset."""
    entries = [*OBJECTIVES.entries(), *NETS.entries(), *DATASETS.entries()]
    return {e.value.__module__ for e in entries}


def specific_names():
    return {*OBJECTIVES.names(), *NETS.names(), *DATA_KINDS}


@pytest.mark.parametrize("path", sorted((PACKAGE / "training").glob("*.py")), ids=lambda p: p.name)
def test_training_names_no_objective_net_or_data_kind(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
               and isinstance(n.value, str)}
    assert not strings & specific_names(), path.name
    assert not set(imported(path)) & registered_modules(), path.name


def lines(path):
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_engine_stays_short():
    assert lines(PACKAGE / "training" / "engine.py") <= 250


LOSS_LINES = 12  # the longest today: SeqGAN's generator_loss, 10 lines


def loss_methods(objective):
    """The loss code an objective class and its bases define: f, g, h and every `*_loss` and
    `*_terms` method (critic_loss, generator_terms, mle_loss, ...)."""
    for klass in objective.__mro__[:-1]:
        for name, method in vars(klass).items():
            if inspect.isfunction(method) and (name in {"f", "g", "h"}
                                               or name.endswith(("_loss", "_terms"))):
                yield f"{klass.__name__}.{name}", method


@pytest.mark.parametrize("name", OBJECTIVES.names())
def test_each_objective_loss_reads_top_to_bottom(name):
    methods = dict(loss_methods(OBJECTIVES.get(name)))
    assert {"critic_loss", "generator_loss"} <= {m.rsplit(".", 1)[1] for m in methods}
    long = {m: n for m, f in methods.items()
            if (n := len(inspect.getsourcelines(f)[0])) > LOSS_LINES}
    assert not long, f"{name}: losses longer than {LOSS_LINES} lines: {long}"
