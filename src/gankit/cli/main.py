"""Entry point: `gankit VERB ...`. User mistakes print one line and exit 2; Ctrl-C exits 130."""

from __future__ import annotations

import sys
import warnings
from importlib import import_module

from gankit.cli.parser import OneLineParser
from gankit.cli.verbs import VERBS
from gankit.core.errors import GankitError, GankitWarning


def build_parser() -> OneLineParser:
    parser = OneLineParser(prog="gankit", description="Train, sample and compare GANs.")
    verbs = parser.add_subparsers(dest="verb", required=True, parser_class=OneLineParser,
                                  metavar="{train,sample,eval,encode,reconstruct,interpolate,"
                                          "translate,train-classifier,list}")
    for add in VERBS:
        add(verbs)
    return parser


def main(argv: list[str] | None = None) -> int:
    warnings.showwarning = show_warning
    args = build_parser().parse_args(argv)
    try:
        # The verb's module is imported only now: --help never loads torch.
        return int(import_module(args.command).run(args) or 0)
    except GankitError as error:
        print(f"gankit: error: {one_line(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("gankit: interrupted", file=sys.stderr)
        return 130


def one_line(message: str) -> str:
    """A message stays on its line even when it quotes a path or value holding a line break."""
    return "".join(repr(c)[1:-1] if c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029" else c
                   for c in message)


_python_show_warning = warnings.showwarning


def show_warning(message, category, filename, lineno, file=None, line=None):
    """gankit's own warnings as one line, `gankit: warning: ...`; others as Python prints them."""
    if issubclass(category, GankitWarning):
        print(f"gankit: warning: {one_line(str(message))}", file=sys.stderr)
    else:
        _python_show_warning(message, category, filename, lineno, file, line)
