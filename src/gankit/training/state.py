"""How far a run has come, beside its nets, optimisers, data position and random streams: the
record the loop advances, a checkpoint saves and a divergence rollback adjusts."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TrainerState:
    rounds: int = 0  # rounds of the game done
    runs: dict[str, int] = field(default_factory=dict)  # times each update has run
    lr_scale: float = 1.0  # every learning rate's factor, < 1 after divergence rollbacks
    rollbacks: int = 0
    rollback_streak: tuple[int, int] = (-1, 0)  # (steps done rolled back to, times in a row)
