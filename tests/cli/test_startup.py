"""The command line answers `--help`, `list` and configuration mistakes without importing torch
(importing torch alone takes seconds on a small machine). Each check runs in a fresh process."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import gankit

# The fresh process imports this gankit, not whichever one is installed.
SOURCE = str(Path(gankit.__file__).resolve().parents[1])

CONFIG_MISTAKES = [
    ["train", "objectve=ns"],
    ["train", "ns-ring", "steps=abc"],
    ["train", "no-such-preset"],
    ["train", "objective=nope"],
    ["train", "net=mpl"],
    ["train", "data=rign"],
    ["train", "penalties=[{name: nope}]"],
    ["train", "lsgan-ring", "objective_options.a=1", "objective_options.b=1"],
    ["train", "net_options.g_hidden=0"],
    ["train", "data_options.sigma=wide"],
    ["train", "eval.features=nope"],
    ["train", "objective=ebgan", "wrappers.ogan.weight=0.5"],
]


def run_fresh(code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SOURCE}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, check=False, env=env)


def test_importing_the_cli_and_building_every_verbs_parser_leaves_torch_out():
    done = run_fresh("""
        import sys
        from gankit.cli.main import build_parser
        build_parser()
        print("torch" in sys.modules)
    """)
    assert done.stdout.strip() == "False", done.stderr


@pytest.mark.parametrize("args", [["list"], *CONFIG_MISTAKES], ids=" ".join)
def test_list_and_config_mistakes_answer_without_torch(args):
    done = run_fresh(f"""
        import sys
        from gankit.cli.main import main
        code = main({args!r})
        print(code, "torch" in sys.modules)
    """)
    code = "0" if args == ["list"] else "2"
    assert done.stdout.strip().splitlines()[-1] == f"{code} False", done.stderr
