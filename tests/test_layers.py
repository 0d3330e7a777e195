"""The package's layering (docs/architecture.md): arrows point one way, the engine knows no particular GAN,
and the engine and each objective's losses stay short enough to read top to bottom."""

import ast
import inspect
import re
from pathlib import Path

import pytest

from gankit.data import DATASETS
from gankit.nets import NETS
from gankit.objectives import OBJECTIVES, WRAPPERS

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
    """Modules that define a specific objective, wrapper, net family or dataset."""
    entries = [*OBJECTIVES.entries(), *WRAPPERS.entries(), *NETS.entries(), *DATASETS.entries()]
    return {e.value.__module__ for e in entries}


def specific_names():
    return {*OBJECTIVES.names(), *WRAPPERS.names(), *NETS.names(), *DATA_KINDS}


def identifiers(tree):
    """Every name a module defines or uses: variables, attributes, keywords, parameters,
    functions, classes and imported names."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Attribute):
            yield node.attr
        elif isinstance(node, (ast.keyword, ast.arg)) and node.arg:
            yield node.arg
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node.name
        elif isinstance(node, ast.alias):
            yield node.asname or node.name.rsplit(".", 1)[-1]


def words(identifier):
    """acgan_weight -> [acgan, weight]; WGANGPOptions -> [wgangp, options]."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", identifier).lower()
    return [w for w in spaced.split("_") if w]


def names_in(identifier, names):
    found = words(identifier)
    for name in names:
        parts = re.split(r"[-_]", name.lower())
        if any(found[i:i + len(parts)] == parts for i in range(len(found))):
            yield name


TRAINING = sorted((PACKAGE / "training").rglob("*.py"))


@pytest.mark.parametrize("path", TRAINING, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_training_names_no_objective_wrapper_net_or_data_kind(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
               and isinstance(n.value, str)}
    assert not strings & specific_names(), path.name
    named = {(i, n) for i in identifiers(tree) for n in names_in(i, specific_names())}
    assert not named, f"{path.name} names {sorted(named)}"
    assert not set(imported(path)) & registered_modules(), path.name


def test_the_identifier_check_sees_names_inside_identifiers():
    tree = ast.parse("c.acgan_weight\nbuild(encoder=1)\ndef mlp_size(points): pass\n"
                     "class WganGpHelper: pass")
    found = {n for i in identifiers(tree) for n in names_in(i, specific_names())}
    assert found == {"acgan", "mlp", "points", "wgan", "wgan-gp"}


def module_name(path):
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph():
    """module -> the gankit modules it imports (anywhere in it, type-checking imports too)."""
    known = {module_name(p) for p in PACKAGE.rglob("*.py")}
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and \
                    node.module.startswith("gankit"):
                submodules = {f"{node.module}.{a.name}" for a in node.names} & known
                targets |= submodules
                if len(submodules) < len(node.names):  # names of the module itself
                    targets.add(node.module)
            elif isinstance(node, ast.Import):
                targets |= {a.name for a in node.names if a.name.startswith("gankit")}
        graph[module_name(path)] = targets & known
    return graph


def circles(graph):
    """Every import circle, each as the list of modules along it."""
    found, state = [], {}

    def visit(module, trail):
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                found.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found


def test_no_import_circle():
    assert circles(import_graph()) == []


def test_the_circle_check_finds_one():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c", "a"]]


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
