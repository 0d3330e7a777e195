"""Choosing classes to sample: by name or index, per class, or given outright; one-line errors."""

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.use.labels import labels_for

CLASSES = ("T-shirt/top", "Trouser", "Sandal")


def test_a_class_by_name_in_any_case_or_by_index():
    assert labels_for(CLASSES, 3, "sandal").tolist() == [2, 2, 2]
    assert labels_for(CLASSES, 2, "1").tolist() == [1, 1]
    assert labels_for(CLASSES, 2, 0).tolist() == [0, 0]


def test_per_class_gives_every_class_in_order():
    assert labels_for(CLASSES, 999, per_class=2).tolist() == [0, 0, 1, 1, 2, 2]


def test_labels_given_outright():
    assert labels_for(CLASSES, 3, [2, 0, 1]).tolist() == [2, 0, 1]
    assert labels_for(CLASSES, 2, torch.tensor([1, 1])).tolist() == [1, 1]


@pytest.mark.parametrize("classes, which, per_class, message", [
    (CLASSES, "boot", None, "no class 'boot' in this run; its classes are: T-shirt/top"),
    (CLASSES, "7", None, "class index 7 is out of range: this run has 3 classes"),
    (CLASSES, -1, None, "class index -1 is out of range"),
    (CLASSES, None, None, "run is conditional: choose a class"),
    (CLASSES, "sandal", 2, "either a class or samples per class"),
    (CLASSES, None, 0, "--per-class must be at least 1"),
    (CLASSES, [0, 3], None, "labels must lie in 0 to 2"),
    (CLASSES, [0], None, "one label per sample: 1 labels for n=2"),
    (None, "sandal", None, "is not conditional"),
    (None, None, 3, "is not conditional"),
])
def test_bad_choices_are_one_line(classes, which, per_class, message):
    with pytest.raises(GankitError, match=message.replace("(", r"\(")) as error:
        labels_for(classes, 2, which, per_class, run="run")
    assert "\n" not in str(error.value)


def test_unconditional_runs_take_no_labels():
    assert labels_for(None, 5) is None
