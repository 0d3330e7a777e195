"""Where named datasets are looked for on disk; nothing is ever downloaded."""

from __future__ import annotations

import os
from pathlib import Path

SYSTEM_DATASETS = Path("/usr/share/datasets")


def search_dirs(name: str) -> list[Path]:
    """Folders searched for dataset `name`, in order: $GANKIT_DATA, user cache, system."""
    dirs = []
    if os.environ.get("GANKIT_DATA"):
        dirs.append(Path(os.environ["GANKIT_DATA"]).expanduser() / name)
    dirs.append(Path.home() / ".cache" / "gankit" / name)
    dirs.append(SYSTEM_DATASETS / name)
    return dirs
