"""Where gankit keeps what it computes once (classifiers, real-data statistics, edge maps):
`$GANKIT_CACHE`, else `~/.cache/gankit`."""

from __future__ import annotations

import os
import re
from pathlib import Path


def cache_dir() -> Path:
    """The root of gankit's cache."""
    configured = os.environ.get("GANKIT_CACHE")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "gankit"


def safe_name(text: str) -> str:
    """`text` as one file-name component: anything but letters, digits, `.`, `-` becomes `_`."""
    return re.sub(r"[^A-Za-z0-9.\-]+", "_", text).strip("_") or "_"
