"""`paired:SOURCE_DIR,TARGET_DIR` (two folders aligned by file name) and `unpaired:A_DIR,B_DIR`
(two folders of unaligned domains), read by the folder loader (data/folder.py).

Files pair up by their path under the folder without its suffix, so a/shoe.png pairs with
b/shoe.jpg and a/x/1.png with b/x/1.png. A pair's two files must have the same size, or sizes in
the ratio source_size : image_size (super-resolution folders keep their small sources small).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from gankit.core.errors import GankitError
from gankit.data.checks import require_argument
from gankit.data.folder import (
    FolderOptions,
    folder_labels,
    image_files,
    load_folder,
    readable_images,
    stack_images,
)
from gankit.data.paired.options import PairedFolderOptions
from gankit.data.paired.source import PairedImages, UnpairedImages

SHOWN = 3  # how many mismatched names an error quotes

Read = dict[str, tuple[Path, np.ndarray, tuple[int, int]]]  # key → (path, array, file size)


def two_folders(name: str, argument: str | None) -> tuple[Path, Path]:
    """`paired:A,B` → (A, B); a GankitError unless exactly two folders are named."""
    parts = require_argument(name, argument).split(",")
    if len(parts) != 2 or not all(part.strip() for part in parts):
        raise GankitError(f"dataset {name!r} needs two folders: write it as {name}:"
                          f"{'SOURCE_DIR,TARGET_DIR' if name == 'paired' else 'A_DIR,B_DIR'}")
    return Path(parts[0].strip()).expanduser(), Path(parts[1].strip()).expanduser()


def few(names: list[str]) -> str:
    """'a, b, c and 4 more': enough names to find the problem, on one line."""
    shown = ", ".join(names[:SHOWN])
    return shown if len(names) <= SHOWN else f"{shown} and {len(names) - SHOWN} more"


def keyed_files(root: Path) -> dict[str, Path]:
    """The folder's image files by pairing key (path under `root` without its suffix)."""
    keyed: dict[str, Path] = {}
    for path in image_files(root):
        key = path.relative_to(root).with_suffix("").as_posix()
        if key in keyed:
            raise GankitError(f"{root} holds two images named {key} ({keyed[key].name}, "
                              f"{path.name}); a pair needs one file per name")
        keyed[key] = path
    return keyed


def matched_names(sources: dict[str, Path], targets: dict[str, Path], source_root: Path,
                  target_root: Path) -> list[str]:
    """The sorted shared names; a GankitError naming a few of those only one side has."""
    only_sources = sorted(set(sources) - set(targets))
    only_targets = sorted(set(targets) - set(sources))
    if only_sources or only_targets:
        sides = [f"{len(names)} only in {root} ({few(names)})"
                 for names, root in ((only_sources, source_root), (only_targets, target_root))
                 if names]
        raise GankitError(f"paired folders must hold the same file names: {'; '.join(sides)}")
    return sorted(sources)


def read_side(files: dict[str, Path], size: int, channels: int) -> Read:
    paths = list(files.values())
    keys = {path: key for key, path in files.items()}
    return {keys[path]: (path, array, shape)
            for path, array, shape in readable_images(paths, size, channels)}


def check_sizes(sources: Read, targets: Read, keys: list[str],
                options: PairedFolderOptions) -> None:
    """Each pair's files must have the same size (scaled by source_size : image_size), or the
    two folders are not pairs of one another."""
    source_size = options.source_size or options.image_size
    wrong = [key for key in keys if tuple(s * options.image_size for s in sources[key][2])
             != tuple(t * source_size for t in targets[key][2])]
    if not wrong:
        return
    (sw, sh), (tw, th) = sources[wrong[0]][2], targets[wrong[0]][2]
    ratio = ("the same size" if source_size == options.image_size else
             f"sizes in the ratio source_size:image_size = {source_size}:{options.image_size}")
    raise GankitError(f"paired folders have images of mismatched sizes ({few(wrong)}): "
                      f"{wrong[0]} is {sw}×{sh} as a source but {tw}×{th} as a target; a "
                      f"pair needs {ratio}")


def load_paired(source_root: Path, target_root: Path,
                options: PairedFolderOptions) -> PairedImages:
    source_files, target_files = keyed_files(source_root), keyed_files(target_root)
    keys = matched_names(source_files, target_files, source_root, target_root)[: options.limit]
    sources = read_side({k: source_files[k] for k in keys}, options.source_size or
                        options.image_size, options.source_channels or options.channels)
    targets = read_side({k: target_files[k] for k in keys}, options.image_size, options.channels)
    keys = [key for key in keys if key in sources and key in targets]  # both sides readable
    if not keys:
        raise GankitError(f"no pair of {source_root} and {target_root} can be read by Pillow")
    check_sizes(sources, targets, keys, options)
    labels, classes = folder_labels(target_root, [targets[key][0] for key in keys])
    return PairedImages(
        stack_images([targets[key][1] for key in keys], options.channels),
        stack_images([sources[key][1] for key in keys], options.source_channels or
                     options.channels),
        target_labels=labels, classes=classes)


def load_unpaired(a_root: Path, b_root: Path, options: PairedFolderOptions) -> UnpairedImages:
    """B (the targets) and A (the sources), each read like folder:PATH."""
    b = load_folder(b_root, FolderOptions(image_size=options.image_size,
                                          channels=options.channels, limit=options.limit))
    a = load_folder(a_root, FolderOptions(image_size=options.source_size or options.image_size,
                                          channels=options.source_channels or options.channels,
                                          limit=options.limit))
    return UnpairedImages(b.images, a.images, target_labels=b.labels, classes=b.classes)


class PairedFolderLoader:
    Options = PairedFolderOptions

    @staticmethod
    def load(options: PairedFolderOptions, argument: str | None) -> PairedImages:
        return load_paired(*two_folders("paired", argument), options)


class UnpairedFolderLoader:
    Options = PairedFolderOptions

    @staticmethod
    def load(options: PairedFolderOptions, argument: str | None) -> UnpairedImages:
        return load_unpaired(*two_folders("unpaired", argument), options)
