"""`paired:SRC,TGT` and `unpaired:A,B`: two folders read by the folder loader."""

import numpy as np
import pytest
import torch

from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.data.paired.source import PairedImages, UnpairedImages


def values(batch):
    """The flat grey value of each image of a [-1, 1] batch."""
    return ((batch[:, 0, 0, 0] + 1) * 127.5).round().long().tolist()


def test_paired_folders_align_by_name(tmp_path, write_pngs):
    names = ["b.png", "a.png", "sub/c.png", "d.png"]
    write_pngs(tmp_path / "src", {name: 10 * k for k, name in enumerate(names)})
    # the targets' suffixes differ: a pair is its path without the suffix
    write_pngs(tmp_path / "tgt", {name.replace(".png", ".bmp"): 10 * k + 5
                                  for k, name in enumerate(names)})
    source = load_dataset(f"paired:{tmp_path / 'src'},{tmp_path / 'tgt'}", {"image_size": 8,
                                                                             "channels": 1})
    assert isinstance(source, PairedImages) and source.paired and len(source) == 4
    targets, sources = source.sample_labelled(8, torch.Generator().manual_seed(0))
    assert [t - s for t, s in zip(values(targets), values(sources))] == [5] * 8
    assert source.shape == source.condition_shape == (1, 8, 8)


def test_paired_folders_read_rgb_and_class_folders(tmp_path, write_pngs):
    colour = np.zeros((8, 8, 3), dtype=np.uint8)
    colour[..., 0] = 200
    write_pngs(tmp_path / "a", {"x/1.png": 10, "y/2.png": 20})
    write_pngs(tmp_path / "b", {"x/1.png": colour, "y/2.png": colour})
    source = load_dataset(f"paired:{tmp_path / 'a'},{tmp_path / 'b'}",
                          {"image_size": 4, "source_channels": 1})
    assert source.shape == (3, 4, 4) and source.condition_shape == (1, 4, 4)
    assert source.classes == ("x", "y") and source.target_labels.tolist() == [0, 1]
    assert source.class_frequencies() is None


def test_super_resolution_folders_keep_small_sources(tmp_path, write_pngs):
    write_pngs(tmp_path / "small", {"1.png": 10, "2.png": 20}, size=4)
    write_pngs(tmp_path / "large", {"1.png": 10, "2.png": 20}, size=16)
    name = f"paired:{tmp_path / 'small'},{tmp_path / 'large'}"
    source = load_dataset(name, {"image_size": 16, "source_size": 4})
    assert source.shape == (3, 16, 16) and source.condition_shape == (3, 4, 4)
    with pytest.raises(GankitError, match=r"mismatched sizes \(1, 2\): 1 is 4×4 as a source "
                                          r"but 16×16 as a target; a pair needs the same size"):
        load_dataset(name, {"image_size": 16})


def test_limit_keeps_the_first_pairs(tmp_path, write_pngs):
    write_pngs(tmp_path / "a", {f"{k}.png": k for k in range(5)})
    write_pngs(tmp_path / "b", {f"{k}.png": k for k in range(5)})
    source = load_dataset(f"paired:{tmp_path / 'a'},{tmp_path / 'b'}", {"limit": 2})
    assert source.targets[:, 0, 0, 0].tolist() == [0, 1]


def test_names_that_do_not_match_are_named(tmp_path, write_pngs):
    write_pngs(tmp_path / "a", {f"{k}.png": 1 for k in range(6)})
    write_pngs(tmp_path / "b", {"0.png": 1, "x.png": 1})
    with pytest.raises(GankitError) as error:
        load_dataset(f"paired:{tmp_path / 'a'},{tmp_path / 'b'}")
    message = str(error.value)
    assert "same file names" in message and "\n" not in message
    assert f"5 only in {tmp_path / 'a'} (1, 2, 3 and 2 more)" in message
    assert f"1 only in {tmp_path / 'b'} (x)" in message


@pytest.mark.parametrize("kind", ["paired", "unpaired"])
def test_an_empty_side_is_refused(tmp_path, write_pngs, kind):
    write_pngs(tmp_path / "a", {"1.png": 1})
    (tmp_path / "b").mkdir()
    with pytest.raises(GankitError, match=f"image folder {tmp_path / 'b'} holds no image files"):
        load_dataset(f"{kind}:{tmp_path / 'a'},{tmp_path / 'b'}")


@pytest.mark.parametrize("argument", ["", ":only-one", ":a,b,c", ":a,"])
def test_two_folders_are_needed(argument):
    with pytest.raises(GankitError, match="paired:SOURCE_DIR,TARGET_DIR|needs a path"):
        load_dataset(f"paired{argument}")


def test_two_files_of_one_name_are_ambiguous(tmp_path, write_pngs):
    write_pngs(tmp_path / "a", {"1.png": 1, "1.bmp": 2})
    write_pngs(tmp_path / "b", {"1.png": 1})
    with pytest.raises(GankitError, match="two images named 1"):
        load_dataset(f"paired:{tmp_path / 'a'},{tmp_path / 'b'}")


def test_an_unreadable_file_drops_its_pair(tmp_path, write_pngs):
    write_pngs(tmp_path / "a", {"1.png": 1, "2.png": 2})
    write_pngs(tmp_path / "b", {"1.png": 1})
    (tmp_path / "b" / "2.png").write_bytes(b"not a png")
    with pytest.warns(UserWarning, match="skipped 1 unreadable"):
        source = load_dataset(f"paired:{tmp_path / 'a'},{tmp_path / 'b'}")
    assert len(source) == 1


def test_unpaired_folders_are_drawn_independently(tmp_path, write_pngs):
    write_pngs(tmp_path / "a", {f"{k}.png": 100 + k for k in range(7)})
    write_pngs(tmp_path / "b", {f"{k}.png": k for k in range(5)}, size=16)
    source = load_dataset(f"unpaired:{tmp_path / 'a'},{tmp_path / 'b'}",
                          {"image_size": 8, "channels": 1})
    assert isinstance(source, UnpairedImages) and not source.paired
    assert source.condition == "image" and source.condition_shape == (1, 8, 8)
    targets, sources = source.sample_labelled(35, torch.Generator().manual_seed(0))
    b, a = values(targets), values(sources)
    assert sorted(b) == sorted(list(range(5)) * 7)  # targets are B, in epochs of their own
    assert sorted(a) == sorted(list(range(100, 107)) * 5)  # sources are A
    assert len(set(zip(b, a))) > 20
