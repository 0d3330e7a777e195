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
from gankit.training.checkpoint import check_fingerprint, read_checkpoint
from gankit.training.run_dir import RunDir, open_run_dir


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
    identity = payload.get("fingerprint", {})
    shape = tuple(identity.get("data_shape", ()))
    classes = int(identity.get("classes", 0)) if config.conditional else 0
    check_fingerprint(payload, fingerprint(config, shape, classes), path)
    generator, critic = build_model(config, shape, pick_device(device), classes=classes)
    use_ema = use_ema and bool(payload.get("generator_ema"))
    _load(generator, payload["generator_ema"] if use_ema else payload["generator"], path, run)
    if with_critic:
        _load(critic, payload["critic"], path, run)
    names = tuple(payload.get("class_names") or []) or None
    return TrainedGenerator(generator.eval(), config, shape, int(payload.get("step", 0)),
                            critic.eval() if with_critic else None, payload_kind(payload, shape),
                            payload_vocabulary(payload), names if classes else None)


def _load(net: nn.Module, weights: dict, path: Path, run: RunDir) -> None:
    try:
        net.load_state_dict(weights)
    except RuntimeError:
        raise GankitError(f"{path} does not fit the nets in {run.config}") from None


def data_kind(shape: tuple[int, ...]) -> str:
    """For checkpoints written before they recorded their data's kind."""
    return "points" if len(shape) == 1 else "images"


def payload_kind(payload: dict, shape: tuple[int, ...]) -> str:
    return str(payload.get("data_kind") or data_kind(shape))


def payload_vocabulary(payload: dict) -> Vocabulary | None:
    data = payload.get("data")
    saved = data.get("vocabulary") if isinstance(data, dict) else None
    return Vocabulary.from_state(saved) if saved else None
