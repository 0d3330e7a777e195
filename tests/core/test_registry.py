"""Registries: declared entries answer names, summaries and options without importing their
implementation (or hold the implementation itself); unknown names are one-line errors that
suggest a close name; a name can be removed again."""

import sys

import pytest

from gankit.core.errors import GankitError
from gankit.core.options import NoOptions
from gankit.core.registry import Registry

TARGET = "gankit_registry_probe:Thing"  # written by the `probe` fixture


@pytest.fixture(autouse=True)
def probe(tmp_path, monkeypatch):
    """A module that records being imported, standing in for an implementation."""
    (tmp_path / "gankit_registry_probe.py").write_text("class Thing:\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "gankit_registry_probe", raising=False)


def registry():
    things = Registry("thing")
    things.declare("beta", "the second", TARGET)
    things.declare("alpha", "the first", TARGET, options=dict, facts={"size": 3})
    return things


def test_entries_are_sorted_and_carry_what_was_declared():
    things = registry()
    assert things.names() == ["alpha", "beta"]
    alpha = things.entry("alpha")
    assert (alpha.summary, alpha.options, alpha.facts) == ("the first", dict, {"size": 3})
    assert things.entry("beta").options is NoOptions and "beta" in things


def test_the_implementation_is_imported_when_asked_for():
    things = registry()
    things.entry("alpha")
    assert "gankit_registry_probe" not in sys.modules
    thing = things.get("alpha")
    assert thing is sys.modules["gankit_registry_probe"].Thing


def test_unknown_name_suggests_and_lists():
    with pytest.raises(GankitError, match="unknown thing 'alpah' \\(did you mean 'alpha'\\?\\); "
                                          "choose one of: alpha, beta"):
        registry().entry("alpah")
    with pytest.raises(GankitError, match="unknown thing"):
        registry().get("gamma")


def test_a_name_is_declared_once():
    things = registry()
    with pytest.raises(ValueError, match="twice"):
        things.declare("alpha", "again", TARGET)


def test_the_implementation_itself_can_be_declared():
    class Local:
        pass

    things = registry()
    things.declare("local", "defined where it is declared", Local)
    assert things.get("local") is Local and things.names() == ["alpha", "beta", "local"]


def test_a_removed_name_is_unknown_and_can_be_declared_again():
    things = registry()
    things.remove("alpha")
    assert things.names() == ["beta"] and "alpha" not in things
    with pytest.raises(GankitError, match="unknown thing 'alpha'"):
        things.remove("alpha")
    things.declare("alpha", "again", TARGET)
    assert things.entry("alpha").summary == "again"
