"""Where metrics keep what they compute once: `$GANKIT_CACHE`, else `~/.cache/gankit`."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

CHUNK = 1 << 20  # bytes read at a time when hashing a file


def cache_dir() -> Path:
    """The root of gankit's cache (classifiers, real-data statistics)."""
    configured = os.environ.get("GANKIT_CACHE")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "gankit"


def safe_name(text: str) -> str:
    """`text` as one file-name component: anything but letters, digits, `.`, `-` becomes `_`."""
    return re.sub(r"[^A-Za-z0-9.\-]+", "_", text).strip("_") or "_"


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of the file at `path`."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()
