"""Components (objectives, penalties, nets, datasets) declare their options as a dataclass."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class NoOptions:
    """For components that take no options."""
