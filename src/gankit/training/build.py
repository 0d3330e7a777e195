"""Build everything a run needs from its Config; the engine only sees the result."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import torch
from torch import nn

from gankit.config.schema import Config
from gankit.core.device import pick_device
from gankit.core.errors import GankitError
from gankit.core.precision import choose_precision, set_matmul_precision
from gankit.data import load_dataset
from gankit.data.base import DataSource
from gankit.nets import NETS, build_nets
from gankit.objectives import build_objective
from gankit.objectives.base import Objective, TrainingPlan
from gankit.objectives.ogan import OGAN
from gankit.penalties import build_penalty
from gankit.penalties.base import Penalty
from gankit.training.ema import GeneratorEMA
from gankit.training.instance_noise import InstanceNoise
from gankit.training.optim import make_optimizer


@dataclass
class WeightedPenalty:
    name: str
    weight: float
    penalty: Penalty


@dataclass
class Components:
    config: Config
    device: torch.device
    data: DataSource
    generator: nn.Module
    critic: nn.Module
    objective: Objective
    penalties: list[WeightedPenalty]
    g_opt: torch.optim.Optimizer
    d_opt: torch.optim.Optimizer
    ema: GeneratorEMA | None
    noise: InstanceNoise
    precision_note: str = ""  # what precision the run uses, and why


def build_model(config: Config, data_shape: tuple[int, ...], device: torch.device,
                objective: Objective | None = None) -> tuple[nn.Module, nn.Module]:
    """Generator and critic (of the kind the objective asks for), seeded from the config so their
    initial weights are reproducible."""
    objective = objective or make_objective(config)
    torch.manual_seed(config.seed)
    generator, critic = build_nets(config.net, config.net_options, data_shape, config.z_dim,
                                   objective.critic_spec())
    return generator.to(device), critic.to(device)


def build_components(config: Config) -> Components:
    device = pick_device(config.device)
    precision = choose_precision(config.precision, device)
    config.precision = precision.precision  # the run's config.yaml records what auto chose
    set_matmul_precision(device, config.precision, config.tf32)
    data = load_dataset(config.data, config.data_options)
    objective = make_objective(config)
    check_data_kind(config, objective, data)
    # Options the data decides (a vocabulary size) land in the config the run directory keeps.
    config.net_options = NETS.get(config.net).options_from_data(config.net_options, data)
    objective.bind(TrainingPlan(config.batch_size, config.steps, data_size(data)))
    generator, critic = build_model(config, data.shape, device, objective)
    penalties = [WeightedPenalty(p.name, p.weight, build_penalty(p.name, p.options))
                 for p in config.penalties]
    return Components(
        config=config,
        device=device,
        data=data,
        generator=generator,
        critic=critic,
        objective=objective,
        penalties=penalties,
        g_opt=make_optimizer(config.g_opt, generator.parameters()),
        d_opt=make_optimizer(config.d_opt, critic.parameters()),
        ema=GeneratorEMA(generator, config.ema) if config.ema > 0 else None,
        noise=InstanceNoise(config.instance_noise.std, config.instance_noise.anneal_steps or 1),
        precision_note=precision.reason,
    )


def heldout_source(config: Config) -> DataSource:
    """Samples the run does not train on: the other split when the dataset has splits, else a
    second copy of the training source (with its own sampling state)."""
    options = dict(config.data_options)
    if options.get("split") in ("train", "test"):
        options["split"] = "test" if options["split"] == "train" else "train"
    return load_dataset(config.data, options)


def make_objective(config: Config) -> Objective:
    """The configured objective, wrapped by O-GAN when encoder.enabled."""
    objective = build_objective(config.objective, config.objective_options)
    if config.encoder.enabled:
        return OGAN(objective, config.encoder.weight, config.encoder.score)
    return objective


def check_data_kind(config: Config, objective: Objective, data: DataSource) -> None:
    if data.kind not in objective.data_kinds:
        kinds = " or ".join(objective.data_kinds)
        hint = "; token sequences train with objective=seqgan" if data.kind == "tokens" else ""
        raise GankitError(f"objective {config.objective!r} trains on {kinds}, but {config.data} "
                          f"holds {data.kind}{hint}")


def data_size(data: DataSource) -> int | None:
    """Items in an in-memory dataset; None for sources drawn fresh each batch."""
    return len(data) if hasattr(data, "__len__") else None


def fingerprint(config: Config, data_shape: tuple[int, ...]) -> dict[str, Any]:
    """What a checkpoint must match to be loaded into this model."""
    return {"net": config.net, "net_options": config.net_options, "objective": config.objective,
            "critic": asdict(make_objective(config).critic_spec()), "z_dim": config.z_dim,
            "data_shape": list(data_shape)}
