"""Ctrl-C (SIGINT) and plain `kill` (SIGTERM: docker stop, SLURM, a shutdown) during training:
finish the current step, save a checkpoint, then stop.

Stopping between steps keeps the checkpoint consistent, so a resumed run matches an
uninterrupted one exactly. A second signal stops at once.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

SIGNALS = (signal.SIGINT, signal.SIGTERM)
# What signal.signal takes and returns (typeshed's private signal._HANDLER).
Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


class StopRequest:
    def __init__(self) -> None:
        self.requested = False
        self.signal_name = ""
        self._previous: dict[int, Handler] = {}

    def __enter__(self) -> StopRequest:  # noqa: PYI034
        if threading.current_thread() is threading.main_thread():
            self._previous = {s: signal.signal(s, self._handle) for s in SIGNALS}
        return self

    def __exit__(self, *exc: object) -> None:
        for number, previous in self._previous.items():
            signal.signal(number, previous)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        self.signal_name = signal.Signals(signum).name
