"""Keep the best checkpoint by one evaluation metric: checkpoints/best.pt (the full training
state plus a `best` entry) and best.json (metric, value, step and the whole evaluation)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from gankit.core.io import write_text_atomic
from gankit.metrics.directions import DIRECTIONS, improves
from gankit.training.checkpoints.files import save_checkpoint
from gankit.training.evaluation.generator import plain
from gankit.training.run_dir import RunDir

# A new value only competes with the stored best when these agree (same extractor and counts).
BASIS = ("metric_set", "extractor", "manifold_features", "oracle", "data", "dataset", "split", "image_size", "n",
         "n_fake", "n_real", "seed")


class BestTracker:
    def __init__(self, run: RunDir, metric: str) -> None:
        self.run = run
        self.metric = metric
        self.value, self.result = stored_best(run, metric)

    def offer(self, step: int, result: dict[str, Any], state: Callable[[], dict]) -> bool:
        """Save `state()` as the best checkpoint when `result` improves on the best; say so."""
        value = result.get(self.metric)
        best = self.value if comparable(self.result, result) else None
        if not isinstance(value, (int, float)) or not improves(self.metric, value, best):
            return False
        entry = {"metric": self.metric, "value": value, "step": step,
                 "better": DIRECTIONS[self.metric]}
        save_checkpoint(self.run.best_checkpoint, {**state(), "best": entry})
        write_text_atomic(self.run.best, json.dumps({**entry, "result": plain(result)},
                                                    indent=2) + "\n")
        self.value, self.result = value, result
        return True


def stored_best(run: RunDir, metric: str) -> tuple[float | None, dict[str, Any] | None]:
    """The best value and evaluation in best.json (a resumed run continues from them), or
    (None, None) when there is none for `metric`."""
    try:
        stored = json.loads(run.best.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    if not isinstance(stored, dict) or stored.get("metric") != metric:
        return None, None
    return stored.get("value"), stored.get("result")


def comparable(old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    return old is not None and all(old.get(key) == new.get(key) for key in BASIS)
