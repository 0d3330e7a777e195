"""Which classes to draw from a run: a class by name or index, every class in turn, or labels
given outright. A conditional run needs one of them; an unconditional run takes none."""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor

from gankit.core.errors import GankitError
from gankit.nets.sampling import balanced_labels

ClassChoice = str | int | Sequence[int] | Tensor | None


def class_index(classes: tuple[str, ...], which: str | int) -> int:
    """The label of class `which`: its name (any case) or its index."""
    if isinstance(which, str):
        names = {name.lower(): k for k, name in enumerate(classes)}
        if which.lower() in names:
            return names[which.lower()]
        if not which.strip().lstrip("-").isdigit():
            raise GankitError(f"no class {which!r} in this run; its classes are: "
                              f"{', '.join(classes)} (or an index 0 to {len(classes) - 1})")
        which = int(which)
    if not 0 <= which < len(classes):
        raise GankitError(f"class index {which} is out of range: this run has {len(classes)} "
                          f"classes (0 to {len(classes) - 1})")
    return which


def labels_for(classes: tuple[str, ...] | None, n: int, which: ClassChoice = None,
               per_class: int | None = None, run: str = "this run") -> Tensor | None:
    """The labels of n samples (None for unconditional runs); with `per_class`, that many of
    every class in class order (and n is per_class × classes)."""
    asked = which is not None or per_class is not None
    if classes is None:
        if asked:
            raise GankitError(f"{run} is not conditional (trained without conditional=true), "
                              f"so it takes no class")
        return None
    if which is not None and per_class is not None:
        raise GankitError("choose either a class or samples per class, not both")
    if per_class is not None:
        if per_class < 1:
            raise GankitError(f"--per-class must be at least 1, got {per_class}")
        return balanced_labels(per_class * len(classes), len(classes))
    if which is None:
        raise GankitError(f"{run} is conditional: choose a class (--class NAME or INDEX; one of "
                          f"{', '.join(classes)}) or --per-class N")
    if isinstance(which, (str, int)):
        return torch.full((n,), class_index(classes, which), dtype=torch.int64)
    return explicit_labels(classes, which, n)


def explicit_labels(classes: tuple[str, ...], labels: Sequence[int] | Tensor, n: int) -> Tensor:
    labels = torch.as_tensor(labels, dtype=torch.int64).flatten()
    if len(labels) != n:
        raise GankitError(f"give one label per sample: {len(labels)} labels for n={n}")
    if len(labels) and not (0 <= int(labels.min()) and int(labels.max()) < len(classes)):
        raise GankitError(f"labels must lie in 0 to {len(classes) - 1} for this run")
    return labels
