"""Opening a trained run: its generator (the EMA copy when it kept one) and, when asked, its
critic, from the `last` or `best` checkpoint, without the training data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from torch import nn

from gankit.config.load import load_run_config
from gankit.config.schema import Config
from gankit.core.device import pick_device
from gankit.core.errors import GankitError
from gankit.data.vocab import Vocabulary
from gankit.training.build import build_model, fingerprint
from gankit.training.checkpoints.files import check_fingerprint, read_checkpoint
from gankit.training.run_dir import RunDir, open_run_dir

DATA_KINDS = ("points", "images", "tokens")


@dataclass(frozen=True)
class TrainedGenerator:
    generator: nn.Module  # in eval mode
    config: Config
    shape: tuple[int, ...]  # one sample's shape
    step: int  # the step its checkpoint was written at
    critic: nn.Module | None = None  # in eval mode, when asked for
    kind: str = "images"  # points, images or tokens
    vocabulary: Vocabulary | None = None  # text runs: decodes token ids
    classes: tuple[str, ...] | None = None  # conditional runs: the class names, label k = [k]
    source_shape: tuple[int, ...] | None = None  # image-to-image runs: what G translates


def load_generator(run_dir: Path | str, use_ema: bool = True, device: str = "auto",
                   checkpoint: str = "last") -> tuple[nn.Module, Config, tuple[int, ...]]:
    """The trained generator of a run (its EMA copy when there is one), in eval mode, from its
    `last` or `best` checkpoint.

    The data shape comes from the checkpoint, so sampling does not need the training data.
    """
    loaded = open_generator(run_dir, use_ema, device, checkpoint)
    return loaded.generator, loaded.config, loaded.shape


def open_generator(run_dir: Path | str, use_ema: bool = True, device: str = "auto",
                   checkpoint: str = "last", with_critic: bool = False) -> TrainedGenerator:
    """load_generator, plus the step of the checkpoint (and the critic when `with_critic`)."""
    run = open_run_dir(run_dir)
    config = load_run_config(run.root, [])
    path = run.checkpoint_file(checkpoint)
    payload = read_checkpoint(path)
    shape = recorded_shape(payload)
    classes = recorded_classes(payload) if config.conditional else 0
    sources = recorded_source_shape(payload)
    check_fingerprint(payload, fingerprint(config, shape, classes, sources), path)
    generator, critic = build_model(config, shape, pick_device(device), classes=classes,
                                    source_shape=sources)
    ema = payload.get("generator_ema")
    use_ema = use_ema and ema is not None and not (isinstance(ema, dict) and not ema)
    _load(generator, "generator_ema" if use_ema else "generator", payload, path, run)
    if with_critic:
        _load(critic, "critic", payload, path, run)
    names = class_names(payload, classes, path) if classes else None
    return TrainedGenerator(generator.eval(), config, shape, _step(payload, path),
                            critic.eval() if with_critic else None,
                            payload_kind(payload, shape, path), payload_vocabulary(payload, path),
                            names, sources)


def recorded_shape(payload: dict) -> tuple[int, ...]:
    """One sample's shape, from the checkpoint's fingerprint; () when it records none (the
    fingerprint check then refuses the checkpoint)."""
    recorded = payload.get("fingerprint")
    shape = recorded.get("data_shape") if isinstance(recorded, dict) else None
    if isinstance(shape, list) and all(type(d) is int and d > 0 for d in shape):
        return tuple(shape)
    return ()


def recorded_classes(payload: dict) -> int:
    """How many classes a conditional run's checkpoint records (0 when it records none: the
    fingerprint check then refuses it)."""
    recorded = payload.get("fingerprint")
    classes = recorded.get("classes") if isinstance(recorded, dict) else None
    return classes if type(classes) is int and classes > 0 else 0


def class_names(payload: dict, classes: int, path: Path) -> tuple[str, ...]:
    names = payload.get("class_names")
    if not isinstance(names, list) or len(names) != classes or not all(
            isinstance(n, str) for n in names):
        raise GankitError(f"{path} records no names for its {classes} classes")
    return tuple(names)


def _load(net: nn.Module, key: str, payload: dict, path: Path, run: RunDir) -> None:
    weights = payload.get(key)
    if not isinstance(weights, dict):
        raise GankitError(f"{path} holds no {key} weights")
    try:
        net.load_state_dict(weights)
    except (RuntimeError, TypeError, AttributeError, KeyError, ValueError):
        raise GankitError(f"{path} does not fit the nets in {run.config}") from None


def recorded_source_shape(payload: dict) -> tuple[int, ...] | None:
    """The source image's shape an image-to-image run's nets take (None for other runs)."""
    recorded = payload.get("fingerprint")
    shape = recorded.get("source_shape") if isinstance(recorded, dict) else None
    if shape is None:
        return None
    if not isinstance(shape, list) or not all(type(n) is int and n > 0 for n in shape):
        raise GankitError(f"the checkpoint records no valid source image shape (got {shape!r})")
    return tuple(shape)


def _step(payload: dict, path: Path) -> int:
    step = payload.get("step", 0)
    if type(step) is not int or step < 0:
        raise GankitError(f"{path} records no valid step (got {step!r})")
    return step


def data_kind(shape: tuple[int, ...]) -> str:
    """For checkpoints written before they recorded their data's kind."""
    return "points" if len(shape) == 1 else "images"


def payload_kind(payload: dict, shape: tuple[int, ...], path: Path | None = None) -> str:
    kind = payload.get("data_kind")
    if kind is None or kind == "":
        kind = data_kind(shape)
    if not isinstance(kind, str) or kind not in DATA_KINDS:
        raise GankitError(f"{path or 'the checkpoint'} records an unknown kind of data {kind!r}; "
                          f"expected one of {', '.join(DATA_KINDS)}")
    return kind


def payload_vocabulary(payload: dict, path: Path | None = None) -> Vocabulary | None:
    data = payload.get("data")
    saved = data.get("vocabulary") if isinstance(data, dict) else None
    if saved is None:
        return None
    return Vocabulary.from_state(saved, str(path or "the checkpoint"))
