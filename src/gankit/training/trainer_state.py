"""What a checkpoint holds: the nets, their moving average, every optimiser, the objective's
state, how far each update of the schedule has run, the data's sampling position and the RNGs.
One dict of tensors and plain values, so it loads with `weights_only=True`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch

if TYPE_CHECKING:
    from gankit.training.engine import Trainer

GAME_OPTIMIZERS = {"g": "g_opt", "d": "d_opt"}  # checkpoint keys of the run's two optimisers


def trainer_state(trainer: Trainer) -> dict[str, Any]:
    p = trainer.parts
    own = {k: o.state_dict() for k, o in p.optimizers.items() if k not in GAME_OPTIMIZERS}
    return {
        "fingerprint": trainer.fingerprint,
        "step": trainer.step,
        "steps": trainer.config.steps,  # the run's length, extensions included
        "generator": p.generator.state_dict(),
        "critic": p.critic.state_dict(),
        "generator_ema": p.ema.model.state_dict() if p.ema is not None else None,
        **{key: p.optimizers[name].state_dict() for name, key in GAME_OPTIMIZERS.items()},
        "phase_optimizers": own,
        "objective": p.objective.state_dict(),
        "runs": dict(trainer.runs),
        "lr_scale": trainer.lr_scale,  # < 1 after divergence rollbacks
        "rollbacks": trainer.rollbacks,
        "rollback_streak": list(trainer.rollback_streak),
        "data": p.data.state_dict(),
        "data_kind": p.data.kind,
        "class_names": list(p.data.classes) if trainer.classes else None,
        "rng": {"data": trainer.data_rng.get_state(), "train": trainer.rng.get_state(),
                "torch": torch.get_rng_state()},
    }


def load_trainer_state(trainer: Trainer, state: dict[str, Any]) -> None:
    p = trainer.parts
    p.generator.load_state_dict(state["generator"])
    p.critic.load_state_dict(state["critic"])
    if p.ema is not None:
        # A checkpoint saved without an average starts it from the generator it restores.
        p.ema.model.load_state_dict(state["generator_ema"] or state["generator"])
    for name, key in GAME_OPTIMIZERS.items():
        load_optimizer(p.optimizers[name], state[key], p.device)
    for name, optimizer_state in state.get("phase_optimizers", {}).items():
        if name in p.optimizers:
            load_optimizer(p.optimizers[name], optimizer_state, p.device)
    p.objective.load_state_dict(state["objective"])
    trainer.runs.update({k: int(v) for k, v in saved_runs(state).items() if k in trainer.runs})
    p.data.load_state_dict(state["data"])
    trainer.data_rng.set_state(state["rng"]["data"])
    trainer.rng.set_state(state["rng"]["train"])
    torch.set_rng_state(state["rng"]["torch"])
    trainer.step = int(state["step"])
    trainer.lr_scale = float(state.get("lr_scale", 1.0))
    trainer.rollbacks = int(state.get("rollbacks", 0))
    at, count = state.get("rollback_streak", (-1, 0))
    trainer.rollback_streak = (int(at), int(count))


def saved_runs(state: dict[str, Any]) -> dict[str, int]:
    """Runs per update; checkpoints written before schedules record only the pre-game phases
    and the step (the generator's runs)."""
    if "runs" in state:
        return state["runs"]
    return {**state.get("phases", {}), "g": int(state["step"])}


def load_optimizer(optimizer: torch.optim.Optimizer, state: dict[str, Any],
                   device: torch.device) -> None:
    """The saved state; a state saved by a run that replayed CUDA graphs (`capturable`) resumed
    off CUDA steps eagerly (capturable optimisers refuse CPU parameters)."""
    optimizer.load_state_dict(state)
    if device.type != "cuda":
        for group in optimizer.param_groups:
            if group.get("capturable"):
                group["capturable"] = False
