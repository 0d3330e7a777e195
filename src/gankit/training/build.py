"""Build everything a run needs from its Config; the engine only sees the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import torch
from torch import nn

from gankit.config.schema import Config
from gankit.core.device import pick_device
from gankit.core.errors import GankitError
from gankit.core.precision import choose_precision, set_matmul_precision
from gankit.core.step import Probe, Regularizer, Schedule, TrainingPlan
from gankit.data import load_dataset
from gankit.data.base import DataSource
from gankit.nets import NETS, build_nets
from gankit.nets.options import NEUTRAL_NET_OPTIONS
from gankit.nets.sampling import balanced_labels, latent_batch
from gankit.objectives import build_objective, check_data_kind, check_wrapper_data
from gankit.objectives.base import Objective
from gankit.penalties import build_penalty
from gankit.training.distributed import (
    Processes,
    convert_batchnorm,
    local_device,
    start,
    wrap,
)
from gankit.training.ema import GeneratorEMA
from gankit.training.instance_noise import InstanceNoise
from gankit.training.optim import make_optimizer


@dataclass
class Components:
    config: Config
    device: torch.device
    data: DataSource
    generator: nn.Module
    critic: nn.Module
    objective: Objective
    schedule: Schedule
    optimizers: dict[str, torch.optim.Optimizer]  # "d", "g" and any of an update's own
    ema: GeneratorEMA | None
    noise: InstanceNoise
    precision_note: str = ""  # what precision the run uses, and why
    class_frequencies: torch.Tensor | None = None  # conditional runs: fakes' labels drawn so
    processes: Processes = field(default_factory=Processes)  # torchrun's processes (or one)
    # image-conditioned runs (paired or unpaired image data): the shape of each sample's source
    source_shape: tuple[int, ...] | None = None
    trained: dict[str, nn.Module] = field(default_factory=dict)  # the nets updates train
    # through: DistributedDataParallel wrappers under torchrun, else the nets themselves


def build_model(config: Config, data_shape: tuple[int, ...], device: torch.device,
                objective: Objective | None = None, classes: int = 0,
                source_shape: tuple[int, ...] | None = None) -> tuple[nn.Module, nn.Module]:
    """Generator and critic (of the kind the objective asks for; conditional on `classes`
    classes when it is more than 0, or on a source image of `source_shape`), seeded from the
    config so their initial weights are reproducible."""
    objective = objective or make_objective(config)
    torch.manual_seed(config.seed)
    generator, critic = build_nets(config.net, config.net_options, data_shape, config.z_dim,
                                   objective.critic_spec(), classes, source_shape)
    return generator.to(device), critic.to(device)


def build_components(config: Config) -> Components:
    device = local_device(pick_device(config.device))
    processes = start(device, config.batch_size)
    precision = choose_precision(config.precision, device)
    config.precision = precision.precision  # the run's config.yaml records what auto chose
    set_matmul_precision(device, config.precision, config.tf32)
    data = load_dataset(config.data, config.data_options)
    data.to(device)  # in-memory data lives where the nets do; a batch is an index there
    objective = make_objective(config)
    check_data_kind(config.objective, config.data, data.kind)
    check_wrapper_data(config.wrappers, config.data, data.paired, data.condition == "image",
                       data.masked)
    # Options the data decides (a vocabulary size) land in the config the run directory keeps.
    config.net_options = NETS.get(config.net).options_from_data(config.net_options, data)
    schedule = objective.schedule(training_plan(config, data, device))
    frequencies = class_frequencies(config, data)
    classes = 0 if frequencies is None else len(frequencies)
    sources = source_shape(data)
    generator, critic = build_model(config, data.shape, device, objective, classes, sources)
    generator = convert_batchnorm(generator, device, config.sync_batchnorm)
    critic = convert_batchnorm(critic, device, config.sync_batchnorm)
    return Components(
        config=config, device=device, data=data, generator=generator, critic=critic,
        objective=objective, schedule=schedule,
        optimizers=build_optimizers(config, schedule, generator, critic),
        ema=GeneratorEMA(generator, config.ema) if config.ema > 0 else None,
        noise=InstanceNoise(config.instance_noise.std, config.instance_noise.anneal_steps or 1),
        precision_note=precision.reason,
        class_frequencies=None if frequencies is None else frequencies.to(device),
        processes=processes, source_shape=sources,
        trained={"generator": wrap(generator, device), "critic": wrap(critic, device)},
    )


def build_schedule(config: Config) -> Schedule:
    """The schedule a run of `config` would follow (its data loaded; no nets built)."""
    data = load_dataset(config.data, config.data_options)
    return make_objective(config).schedule(training_plan(config, data, torch.device("cpu")))


def source_shape(data: DataSource) -> tuple[int, ...] | None:
    """The shape of the source image each sample comes with (paired or unpaired image data)."""
    return tuple(data.condition_shape) if data.condition == "image" else None


def class_frequencies(config: Config, data: DataSource) -> torch.Tensor | None:
    """The data's class shares for a class-conditional run (None otherwise); labelled data
    needed. Image-conditioned data is conditional by itself."""
    if not config.conditional:
        return None
    if data.condition == "image":
        raise GankitError(f"conditional=true conditions on classes, and {config.data} already "
                          f"hands every image over with its source image; leave it out")
    frequencies = data.class_frequencies()
    if frequencies is None:
        raise GankitError(f"conditional=true needs labelled data, and {config.data} has no "
                          f"labels (labelled: fashion-mnist, mnist, digits, folder: with one "
                          f"sub-folder per class, npz: with a 'labels' array, ring, grid)")
    return frequencies


def training_plan(config: Config, data: DataSource, device: torch.device) -> TrainingPlan:
    regularizers = []
    for p in config.penalties:
        penalty = build_penalty(p.name, p.options)
        regularizers.append(Regularizer(p.name, p.weight, penalty, p.every, penalty.uses_fake))
    classes = len(data.classes or ()) if config.conditional else 0
    return TrainingPlan(config.batch_size, config.steps, data_size(data), config.n_critic,
                        tuple(regularizers), config.log.every,
                        probe_source(config, device, classes))


def build_optimizers(config: Config, schedule: Schedule, generator: nn.Module,
                     critic: nn.Module) -> dict[str, torch.optim.Optimizer]:
    """The game's two optimisers, and one for each update that names its own (with the settings
    of the net it trains)."""
    optimizers = {"g": make_optimizer(config.g_opt, generator.parameters()),
                  "d": make_optimizer(config.d_opt, critic.parameters())}
    for entry in schedule:
        name = entry.optimizer_name()
        if name and name not in optimizers:
            settings, net = ((config.d_opt, critic) if entry.trains == "critic"
                             else (config.g_opt, generator))
            optimizers[name] = make_optimizer(settings, net.parameters())
    return optimizers


def probe_source(config: Config, device: torch.device,
                 classes: int = 0) -> Callable[[int], Probe]:
    """n held-out samples and a fixed latent batch, each from its own seed (for diagnostics);
    in conditional runs with the samples' labels and class-balanced labels for the fakes."""

    def probe(n: int) -> Probe:
        rng = torch.Generator().manual_seed(config.seed + 3)
        real, labels = heldout_source(config).sample_labelled(n, rng)
        z = latent_batch(n, config.z_dim, config.seed + 4, device)
        if not classes:
            return Probe(real.to(device), z)
        assert labels is not None  # conditional runs train on labelled data (class_frequencies)
        return Probe(real.to(device), z, labels.to(device), balanced_labels(n, classes).to(device))

    return probe


def heldout_source(config: Config) -> DataSource:
    """Samples the run does not train on: the other split when the dataset has splits, else a
    second copy of the training source (with its own sampling state)."""
    options = dict(config.data_options)
    if options.get("split") in ("train", "test"):
        options["split"] = "test" if options["split"] == "train" else "train"
    return load_dataset(config.data, options)


def make_objective(config: Config) -> Objective:
    """The configured objective inside the configured wrappers."""
    return build_objective(config.objective, config.objective_options, config.wrappers)


def data_size(data: DataSource) -> int | None:
    """Items in an in-memory dataset; None for sources drawn fresh each batch."""
    return len(data) if hasattr(data, "__len__") else None


def fingerprint(config: Config, data_shape: tuple[int, ...], classes: int = 0,
                source_shape: tuple[int, ...] | None = None) -> dict[str, Any]:
    """What a checkpoint must match to be loaded into this model. Unconditional runs leave out
    how a critic would take labels, and net options added later are left out at the value that
    builds the nets as before them, so checkpoints from before those options still load."""
    net_options = {k: v for k, v in config.net_options.items()
                   if k not in NEUTRAL_NET_OPTIONS or v != NEUTRAL_NET_OPTIONS[k]}
    if not classes:
        net_options.pop("conditioning", None)
    identity = {"net": config.net, "net_options": net_options, "objective": config.objective,
                "critic": asdict(make_objective(config).critic_spec()), "z_dim": config.z_dim,
                "data_shape": list(data_shape)}
    if source_shape is not None:
        identity["source_shape"] = list(source_shape)
    return {**identity, "classes": classes} if classes else identity
