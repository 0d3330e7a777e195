"""Turn a preset or YAML file plus `key=value` overrides into one validated, fully resolved Config.

Layers, lowest first: Config's defaults → the objective's paper defaults → the preset or file →
the command line. Component options (data_options, net_options, objective_options, penalties)
are validated against each component's own Options dataclass and written back with defaults
filled in, so the run's config.yaml says everything that was used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml

from gankit.config.deprecated import translate
from gankit.config.overrides import parse_overrides
from gankit.config.presets import deep_merge, load_source, read_yaml
from gankit.config.schema import Config, OptimizerConfig
from gankit.core.errors import GankitError
from gankit.core.paths import is_file
from gankit.core.validate import build_dataclass, coerce, to_plain
from gankit.data import check_pair_keys, dataset_options
from gankit.metrics.directions import metric_names
from gankit.metrics.extractors import EXTRACTORS
from gankit.nets import net_options
from gankit.objectives import OBJECTIVES, WRAPPERS, objective_facts, wrapper_facts
from gankit.penalties import penalty_options
from gankit.penalties.registry import GRADIENT_PENALTIES

FUSED_OPTIMIZERS = ("adam", "sgd")  # torch.optim has a fused form of these

# On --resume, only these may change: they do not alter what the run computes step by step.
RESUMABLE_KEYS = ("steps", "log", "device", "eval", "on_nan", "max_rollbacks",
                  "rollback_lr_factor")


def load_config(source: str | None, overrides: list[str]) -> Config:
    raw = load_source(source) if source else {}
    raw = deep_merge(raw, translate(parse_overrides(overrides)))
    objective = raw.get("objective", Config.objective)
    raw = deep_merge(_objective_defaults(objective), raw)
    return resolve(build_dataclass(Config, raw))


def load_run_config(run_dir: Path, overrides: list[str]) -> Config:
    """The config a run was started with, plus the few overrides a resume allows."""
    path = run_dir / "config.yaml"
    if not is_file(path):
        raise GankitError(f"{run_dir} is not a gankit run directory (no config.yaml)")
    changes = parse_overrides(overrides)
    frozen = sorted(k for k in changes if k not in RESUMABLE_KEYS)
    if frozen:
        allowed = ", ".join(RESUMABLE_KEYS)
        raise GankitError(f"cannot change {', '.join(frozen)} when resuming; only {allowed} may change")
    raw = deep_merge(translate(read_yaml(path), whole=True), changes)
    return resolve(build_dataclass(Config, raw))


def resolve(config: Config) -> Config:
    """Validate every component name and its options; fill option defaults in place."""
    _check_ranges(config)
    _check_eval_names(config)
    _check_conditional(config)
    check_pair_keys(config.data, config.data_options)  # `pairs` on data without images: one line
    config.data_options = _options(dataset_options(config.data), config.data_options, "data_options")
    config.net_options = _options(net_options(config.net), config.net_options, "net_options")
    config.wrappers = _wrappers(config)
    _check_gradient_penalties(config)
    _check_packing(config)
    options_cls = OBJECTIVES.entry(config.objective).options
    config.objective_options = _options(options_cls, config.objective_options, "objective_options")
    for i, penalty in enumerate(config.penalties):
        where = f"penalties[{i}].options"
        penalty.options = _options(penalty_options(penalty.name), penalty.options, where)
    if config.instance_noise.anneal_steps is None:
        config.instance_noise.anneal_steps = config.steps
    return config


def _options(cls: type, values: dict[str, Any], where: str) -> dict[str, Any]:
    return to_plain(build_dataclass(cls, values, where))


def _objective_defaults(name: Any) -> dict[str, Any]:
    return dict(objective_facts(str(name)).training_defaults)


def _check_ranges(config: Config) -> None:
    positive = {"steps": config.steps, "batch_size": config.batch_size, "z_dim": config.z_dim,
                "n_critic": config.n_critic, "log.every": config.log.every,
                "log.sample_every": config.log.sample_every,
                "log.checkpoint_every": config.log.checkpoint_every,
                "log.keep_checkpoints": config.log.keep_checkpoints}
    positive |= {f"penalties[{i}].every": p.every for i, p in enumerate(config.penalties)}
    for key, value in positive.items():
        if value < 1:
            raise GankitError(f"{key} must be at least 1, got {value}")
    for key, fallback in (("phase_checkpoint_every", "checkpoint_every"),
                          ("phase_every", "every")):
        if getattr(config.log, key) < 0:
            raise GankitError(f"log.{key} must be >= 0 (0 takes log.{fallback}), "
                              f"got {getattr(config.log, key)}")
    if config.eval.every < 0:
        raise GankitError(f"eval.every must be >= 0 (0 turns evaluation off), "
                          f"got {config.eval.every}")
    if config.eval.n is not None and config.eval.n < 1:
        raise GankitError(f"eval.n must be at least 1, got {config.eval.n}")
    if not 0.0 <= config.ema < 1.0:
        raise GankitError(f"ema must be in [0, 1) (0 turns it off), got {config.ema}")
    if config.instance_noise.std < 0:
        raise GankitError(f"instance_noise.std must be >= 0, got {config.instance_noise.std}")
    _check_optimizer("g_opt", config.g_opt)
    _check_optimizer("d_opt", config.d_opt)
    _check_lr_schedule(config)
    if not 0.0 < config.rollback_lr_factor < 1.0:
        raise GankitError(f"rollback_lr_factor must be in (0, 1), got {config.rollback_lr_factor}")
    if config.max_rollbacks < 0:
        raise GankitError(f"max_rollbacks must be >= 0, got {config.max_rollbacks}")


def _check_lr_schedule(config: Config) -> None:
    milestones = config.lr_milestones
    if config.lr_schedule == "step" and not milestones:
        raise GankitError("lr_schedule=step needs lr_milestones, the steps at which both learning "
                          "rates are multiplied by lr_decay (e.g. lr_milestones=[12000])")
    if milestones and config.lr_schedule != "step":
        raise GankitError(f"lr_milestones only apply to lr_schedule=step, not "
                          f"lr_schedule={config.lr_schedule}")
    if any(m < 1 for m in milestones) or list(milestones) != sorted(set(milestones)):
        raise GankitError(f"lr_milestones must be increasing steps of at least 1, got {milestones}")
    if not 0.0 < config.lr_decay < 1.0:
        raise GankitError(f"lr_decay must be in (0, 1), got {config.lr_decay}")


def _check_optimizer(name: str, opt: OptimizerConfig) -> None:
    """Every setting torch.optim would reject, whichever optimiser reads it (floats are already
    known to be finite)."""
    if opt.lr <= 0:
        raise GankitError(f"{name}.lr must be a finite number greater than 0, got {opt.lr}")
    unit = {f"{name}.betas[0]": opt.betas[0], f"{name}.betas[1]": opt.betas[1],
            f"{name}.alpha": opt.alpha}
    for key, value in unit.items():
        if not 0.0 <= value < 1.0:
            raise GankitError(f"{key} must be in [0, 1), got {value}")
    at_least_zero = {"momentum": opt.momentum, "weight_decay": opt.weight_decay,
                     "clip_norm": opt.clip_norm}
    for key, value in at_least_zero.items():
        if value < 0:
            off = " (0 turns it off)" if key == "clip_norm" else ""
            raise GankitError(f"{name}.{key} must be >= 0{off}, got {value}")
    if opt.fused and opt.name not in FUSED_OPTIMIZERS:
        raise GankitError(f"{name}.fused: torch has no fused {opt.name}; it has fused "
                          f"{' and '.join(FUSED_OPTIMIZERS)}")


def _wrappers(config: Config) -> dict[str, Any]:
    """Each configured wrapper's options, validated, with defaults filled in; the wrappers a
    conditional critic implies added; each wrapper's needs checked."""
    configured = dict(config.wrappers)
    conditioning = config.net_options.get("conditioning") if config.conditional else None
    for name in WRAPPERS.names():
        if wrapper_facts(name).implied_by_conditioning == conditioning and conditioning:
            configured.setdefault(name, {})
    resolved = {}
    for name, values in configured.items():
        options_cls = WRAPPERS.entry(name).options  # a GankitError naming them for unknown names
        if values is not None and not isinstance(values, dict):
            raise GankitError(f"wrappers.{name} must be a mapping of its options, got {values!r}")
        resolved[name] = _options(options_cls, values or {}, f"wrappers.{name}")
        _check_wrapper(config, name, conditioning)
    _check_nets_trained_by_a_wrapper(config, resolved)
    return resolved


def _check_nets_trained_by_a_wrapper(config: Config, wrappers: dict[str, Any]) -> None:
    """Nets that only a wrapper knows how to train (CycleGAN's two pairs) need that wrapper."""
    for name in WRAPPERS.names():
        if wrapper_facts(name).nets == config.net and name not in wrappers:
            raise GankitError(f"net={config.net} is trained by wrappers.{name}; add it "
                              f"(wrappers.{name}={{}} on the command line)")


def _check_wrapper(config: Config, name: str, conditioning: str | None) -> None:
    facts = wrapper_facts(name)
    if facts.needs_scores and not objective_facts(config.objective).scores:
        able = [n for n in OBJECTIVES.names() if objective_facts(n).scores]
        raise GankitError(f"wrappers.{name} needs an objective whose critic gives one score per "
                          f"sample ({', '.join(able)}); {config.objective} does not")
    if config.z_dim < facts.min_z_dim:
        # O-GAN: a Pearson correlation over two entries is always +1 or -1.
        raise GankitError(f"wrappers.{name} needs z_dim of at least {facts.min_z_dim}, "
                          f"got {config.z_dim}")
    if facts.nets and config.net != facts.nets:
        raise GankitError(f"wrappers.{name} trains the nets of net={facts.nets}, not "
                          f"net={config.net}")
    needed = facts.implied_by_conditioning
    if needed and conditioning != needed:
        raise GankitError(f"wrappers.{name} needs a critic with a class head: set "
                          f"conditional=true net_options.conditioning={needed}")


def _check_packing(config: Config) -> None:
    """PacGAN's critic scores packs of `pack` samples: the batch must split into packs, and the
    objective must read scores alone."""
    pack = config.net_options.get("pack", 1)
    if pack == 1:
        return
    if config.batch_size % pack:
        raise GankitError(f"net_options.pack={pack} scores packs of {pack} samples, so "
                          f"batch_size must be a multiple of {pack}, got {config.batch_size}")
    if not objective_facts(config.objective).packs:
        raise GankitError(f"objective {config.objective!r} compares each real sample with its "
                          f"own fake, which a critic of packs (net_options.pack) cannot score")


def _check_gradient_penalties(config: Config) -> None:
    """A penalty on the critic's input gradient per sample needs a critic whose output for a
    sample does not depend on the rest of its batch: no batch norm (Gulrajani et al. 2017,
    section 4: "we use layer normalization" instead)."""
    penalised = [f"penalty {p.name!r}" for p in config.penalties if p.name in GRADIENT_PENALTIES]
    if objective_facts(config.objective).penalises_gradients:
        penalised.insert(0, f"objective {config.objective!r}")
    if penalised and config.net_options.get("d_norm") == "batch":
        raise GankitError(f"{penalised[0]} penalises the critic's gradient per sample, but "
                          f"net_options.d_norm='batch' mixes the samples of a batch; set "
                          f"net_options.d_norm=layer (the WGAN-GP paper's choice) or none")


def _check_conditional(config: Config) -> None:
    reason = objective_facts(config.objective).unconditional_only
    if config.conditional and reason:
        able = [n for n in OBJECTIVES.names() if not objective_facts(n).unconditional_only]
        raise GankitError(f"conditional=true: objective {config.objective!r} has no conditional "
                          f"form ({reason}); use one of: {', '.join(able)}")


def _check_eval_names(config: Config) -> None:
    """eval.metric and eval.features must be known names (whether they suit the data is
    checked when the run starts, with the data loaded)."""
    coerce(config.eval.metric, Literal[tuple(metric_names())], "eval.metric")
    coerce(config.eval.features, Literal[tuple(EXTRACTORS.names())], "eval.features")


def config_to_yaml(config: Config) -> str:
    return yaml.safe_dump(to_plain(config), sort_keys=False)
