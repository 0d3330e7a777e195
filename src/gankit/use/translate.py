"""`gankit translate`: a trained image-to-image run's generator applied to your own source images,
at their own size (the nets are fully convolutional), in batches of images of one size. Sources
come from an image file, a folder of them (their names kept), or an .npz with a `sources` array
(uint8 N×H×W×C, as `gankit sample` writes; the only way to give an inpainting run its holes).
Outputs go to a folder (one PNG per source, the source's relative name) or an .npz (`outputs`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from gankit.core.errors import GankitError
from gankit.core.io import atomic_path
from gankit.core.paths import is_dir, is_file
from gankit.data.folder import PIL_MODES, image_files
from gankit.data.paired.source import to_source_range
from gankit.data.pictures import images_hwc
from gankit.nets.sampling import generate, latent_batch
from gankit.use.runs import TrainedGenerator
from gankit.viz.grid import save_png


@dataclass(frozen=True)
class Sources:
    names: list[str]  # each source's name, relative to the input folder (or the npz index)
    arrays: list[np.ndarray]  # uint8 H×W×C each


def read_sources(path: Path, channels: int, masked: bool) -> Sources:
    """The sources at `path`, as uint8 H×W×C arrays of the run's source channels."""
    if path.suffix.lower() == ".npz":
        return npz_sources(path, channels)
    if masked:
        raise GankitError("this run inpaints: give its sources with their hole channel as an "
                          ".npz with a `sources` array (as `gankit sample RUN --out x.npz` writes)")
    if is_dir(path):
        files = image_files(path)
        names = [str(f.relative_to(path).with_suffix(".png")) for f in files]
    elif is_file(path):
        files, names = [path], [path.with_suffix(".png").name]
    else:
        raise GankitError(f"--input {path} is not an image file, a folder or an .npz")
    return Sources(names, [read_image(f, channels) for f in files])


def read_image(path: Path, channels: int) -> np.ndarray:
    if channels not in PIL_MODES:
        raise GankitError(f"this run's sources have {channels} channels; give them as an .npz")
    try:
        with Image.open(path) as opened:
            array = np.asarray(opened.convert(PIL_MODES[channels]))
    except (OSError, ValueError, Image.DecompressionBombError):
        raise GankitError(f"{path} is not a readable image") from None
    return array[..., None] if array.ndim == 2 else array


def npz_sources(path: Path, channels: int) -> Sources:
    try:
        with np.load(path, allow_pickle=False) as stored:
            array = stored.get("sources")
    except (OSError, ValueError):
        raise GankitError(f"{path} is not a readable .npz file") from None
    if array is None or array.dtype != np.uint8 or array.ndim != 4 or array.shape[-1] != channels:
        raise GankitError(f"{path} needs a `sources` array of uint8 N×H×W×{channels} (this run's "
                          f"source channels)")
    return Sources([str(i) for i in range(len(array))], list(array))


def translate(loaded: TrainedGenerator, sources: Sources, masked: bool,
              batch_size: int = 64) -> list[np.ndarray]:
    """Each source's output (uint8 H×W×C), batched by image size."""
    device = next(loaded.generator.parameters()).device
    outputs: list[np.ndarray | None] = [None] * len(sources.arrays)
    for shape in {a.shape for a in sources.arrays}:
        index = [i for i, a in enumerate(sources.arrays) if a.shape == shape]
        batch = torch.from_numpy(np.stack([sources.arrays[i] for i in index]))
        scaled = to_source_range(batch.permute(0, 3, 1, 2).contiguous(), masked)
        z = latent_batch(len(index), loaded.config.z_dim, 0, device)
        made = images_hwc(generate(loaded.generator, z, batch_size, scaled))
        for i, output in zip(index, made):
            outputs[i] = output
    return [o for o in outputs if o is not None]


def write_outputs(out: Path, names: list[str], outputs: list[np.ndarray]) -> None:
    if out.suffix.lower() == ".npz":
        if len({o.shape for o in outputs}) > 1:
            raise GankitError("the outputs have different sizes: write them to a folder")
        with atomic_path(out) as tmp, tmp.open("wb") as handle:
            np.savez_compressed(handle, outputs=np.stack(outputs))
        return
    for name, output in zip(names, outputs):
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        save_png(output, target)
