"""What a checkpoint holds: the nets, their moving average, every optimiser, the objective's
state, the trainer's state (rounds, each update's runs, rollbacks), the data's sampling position
and the random streams. One dict of tensors and plain values, so it loads with
`weights_only=True`.

Checkpoints written before gankit 0.2 name the game's updates "d" and "g" (now "critic" and
"generator"); they load as they are."""

from __future__ import annotations

from typing import Any

import torch

from gankit.training.build import Components
from gankit.training.draws import Draws
from gankit.training.state import TrainerState

GAME_OPTIMIZERS = {"g": "g_opt", "d": "d_opt"}  # checkpoint keys of the run's two optimisers
RENAMED_UPDATES = {"d": "critic", "g": "generator", "pretrain_d": "pretrain_critic"}


def checkpoint_contents(parts: Components, state: TrainerState, draws: Draws,
                        fingerprint: dict[str, Any]) -> dict[str, Any]:
    own = {k: o.state_dict() for k, o in parts.optimizers.items() if k not in GAME_OPTIMIZERS}
    return {
        "fingerprint": fingerprint,
        "step": state.rounds,  # rounds of the game done (the file format's key since 0.1)
        "steps": parts.config.steps,  # the run's length, extensions included
        "generator": parts.generator.state_dict(),
        "critic": parts.critic.state_dict(),
        "generator_ema": parts.ema.model.state_dict() if parts.ema is not None else None,
        **{key: parts.optimizers[name].state_dict() for name, key in GAME_OPTIMIZERS.items()},
        "phase_optimizers": own,
        "objective": parts.objective.state_dict(),
        "runs": dict(state.runs),
        "lr_scale": state.lr_scale,
        "rollbacks": state.rollbacks,
        "rollback_streak": list(state.rollback_streak),
        "data": parts.data.state_dict(),
        "data_kind": parts.data.kind,
        "class_names": class_names(parts),
        "rng": {"data": draws.data_rng.get_state(), "train": draws.rng.get_state(),
                "torch": torch.get_rng_state()},
    }


def class_names(parts: Components) -> list[str] | None:
    """The data's class names in conditional runs (None otherwise)."""
    if parts.class_frequencies is None:
        return None
    assert parts.data.classes is not None  # class frequencies come from named classes
    return list(parts.data.classes)


def restore_contents(parts: Components, state: TrainerState, draws: Draws,
                     contents: dict[str, Any]) -> None:
    parts.generator.load_state_dict(contents["generator"])
    parts.critic.load_state_dict(contents["critic"])
    if parts.ema is not None:
        # A checkpoint saved without an average starts it from the generator it restores.
        parts.ema.model.load_state_dict(contents["generator_ema"] or contents["generator"])
    for name, key in GAME_OPTIMIZERS.items():
        load_optimizer(parts.optimizers[name], contents[key], parts.device)
    for name, optimizer_state in contents.get("phase_optimizers", {}).items():
        if name in parts.optimizers:
            load_optimizer(parts.optimizers[name], optimizer_state, parts.device)
    parts.objective.load_state_dict(contents["objective"])
    parts.data.load_state_dict(contents["data"])
    draws.data_rng.set_state(contents["rng"]["data"])
    draws.rng.set_state(contents["rng"]["train"])
    torch.set_rng_state(contents["rng"]["torch"])
    restore_state(state, contents)


def restore_state(state: TrainerState, contents: dict[str, Any]) -> None:
    state.runs.update({k: int(v) for k, v in saved_runs(contents).items() if k in state.runs})
    state.rounds = int(contents["step"])
    state.lr_scale = float(contents.get("lr_scale", 1.0))
    state.rollbacks = int(contents.get("rollbacks", 0))
    at, count = contents.get("rollback_streak", (-1, 0))
    state.rollback_streak = (int(at), int(count))


def saved_runs(contents: dict[str, Any]) -> dict[str, int]:
    """Runs per update, under today's update names. Checkpoints written before schedules record
    only the pre-game phases and the step (the generator's runs)."""
    if "runs" in contents:
        runs = contents["runs"]
    else:
        runs = {**contents.get("phases", {}), "g": int(contents["step"])}
    return {RENAMED_UPDATES.get(name, name): count for name, count in runs.items()}


def load_optimizer(optimizer: torch.optim.Optimizer, state: dict[str, Any],
                   device: torch.device) -> None:
    """The saved state; a state saved by a run that replayed CUDA graphs (`capturable`) resumed
    off CUDA steps eagerly (capturable optimisers refuse CPU parameters)."""
    optimizer.load_state_dict(state)
    if device.type != "cuda":
        for group in optimizer.param_groups:
            if group.get("capturable"):
                group["capturable"] = False
