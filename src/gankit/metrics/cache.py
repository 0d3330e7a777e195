"""Where metrics keep what they compute once (core.cache), and hashing the files they use."""

from __future__ import annotations

import hashlib
from pathlib import Path

from gankit.core.cache import cache_dir, safe_name

__all__ = ["cache_dir", "file_sha256", "safe_name"]

CHUNK = 1 << 20  # bytes read at a time when hashing a file


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of the file at `path`."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()
