"""Path tests that answer False, instead of raising, for a name the system cannot look up at all
(too long, an embedded NUL byte, a loop of links): to a user such a path simply is not there.

Python's own answer differs between versions (3.13 returns False where 3.11 raises OSError).
"""

from __future__ import annotations

from pathlib import Path


def is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False
