import dataclasses

import pytest

from gankit.core.errors import GankitError
from gankit.data import DATASETS, dataset_options, load_dataset
from gankit.data.folder import FolderOptions

ALL = ["digits", "fashion-mnist", "folder", "grid", "mnist", "npz", "oracle", "paired", "ring", "text",
       "unpaired"]


def test_registry_is_complete():
    assert DATASETS.names() == ALL
    for entry in DATASETS.entries():
        assert entry.summary and "\n" not in entry.summary
        assert entry.value.Options is entry.options and dataclasses.is_dataclass(entry.options)
        entry.options()  # every option has a default


def test_dataset_options_ignores_the_argument():
    assert dataset_options("folder:/some/where") is FolderOptions


def test_unknown_dataset_suggests_a_name():
    with pytest.raises(GankitError, match="did you mean 'grid'"):
        load_dataset("gird", {})


def test_unknown_option_lists_allowed_keys():
    with pytest.raises(GankitError, match="did you mean .split.*allowed keys: .*image_size, limit"):
        load_dataset("mnist", {"splt": "test"})


def test_options_given_as_strings_are_coerced():
    source = load_dataset("digits", {"limit": "10", "image_size": "16"})
    assert source.images.shape == (10, 1, 16, 16)


def test_none_options_mean_defaults():
    assert load_dataset("ring", None).sigma == 0.01
