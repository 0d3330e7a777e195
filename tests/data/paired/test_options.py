"""Options of image pairs: checked when the config is read, each mistake one GankitError line."""

import pytest

from gankit.cli.main import main
from gankit.core.errors import GankitError
from gankit.data import check_pair_keys, load_dataset
from gankit.data.options import FolderOptions, IdxOptions, MixtureOptions
from gankit.data.paired.options import PAIR_NAMES, PairedFolderOptions, PairOptions


def test_every_image_dataset_takes_pairs_and_others_do_not():
    assert issubclass(IdxOptions, PairOptions) and issubclass(FolderOptions, PairOptions)
    assert not issubclass(MixtureOptions, PairOptions)
    assert not issubclass(PairedFolderOptions, PairOptions)


@pytest.mark.parametrize("name", PAIR_NAMES)
def test_every_listed_name_is_accepted(name):
    assert PairOptions(pairs=name).pairs == name


@pytest.mark.parametrize("options, message", [
    ({"pairs": "blur"}, (r"unknown data_options.pairs='blur'; choose one of: edges, "
                         r"downsample:2, downsample:4, mask:center, mask:boxes, mask:strokes")),
    ({"pairs": "downsample:3"}, r"downsampling takes a factor of 2 or 4"),
    ({"pairs": "mask:circle"}, r"the mask must be one of mask:center, mask:boxes, mask:strokes"),
    ({"pairs": "edges", "hole": 4}, r"hole applies to .*mask:center or mask:boxes only"),
    ({"pairs": "mask:center", "edge_sigma": 1}, r"edge_sigma applies to .*edges only"),
    ({"unpaired": True}, r"unpaired .* set pairs too"),
    ({"pairs": "mask:center", "hole": 0}, r"hole must be greater than 0"),
    ({"pairs": "mask:boxes", "mask_seed": -1}, r"mask_seed must be 0 or more"),
])
def test_mistakes_are_one_line(options, message):
    with pytest.raises(GankitError, match=message) as error:
        load_dataset("digits", options)
    assert "\n" not in str(error.value)


def test_pairs_on_data_without_images_says_why():
    with pytest.raises(GankitError, match=r"data_options.pairs makes image-to-image pairs of an "
                                          r"image dataset \(digits, fashion-mnist, folder, "
                                          r"mnist, npz\); 'ring' holds no images to degrade"):
        load_dataset("ring", {"pairs": "edges"})
    with pytest.raises(GankitError, match="'paired' is image pairs already"):
        load_dataset("paired:a,b", {"pairs": "edges"})
    with pytest.raises(GankitError, match="'text' holds no images"):
        check_pair_keys("text:/some/file", {"unpaired": True})
    check_pair_keys("ring", {"sigma": 0.1})  # no pair key: nothing to say


def test_the_command_line_prints_one_line_and_exits_2(capsys):
    assert main(["train", "data=ring", "data_options.pairs=edges"]) == 2
    assert main(["train", "data=fashion-mnist", "data_options.pairs=downsample:3"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and "holds no images" in lines[0] and "2 or 4" in lines[1]
    assert not any("Traceback" in line for line in lines)


def test_paired_folder_options_are_checked():
    with pytest.raises(GankitError, match="source_size must be greater than 0"):
        PairedFolderOptions(source_size=0)
