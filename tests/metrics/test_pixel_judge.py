import numpy as np
import pytest
import torch

from gankit.metrics.pixel_judge import PixelJudge, class_shares, flat_pixels


def class_images(label: int, count: int, rng: torch.Generator) -> torch.Tensor:
    """count 1×4×4 uint8 images: class c lights row c, plus a little noise."""
    images = torch.randint(0, 20, (count, 1, 4, 4), generator=rng, dtype=torch.uint8)
    images[:, 0, label] = 255
    return images


@pytest.fixture
def judge() -> PixelJudge:
    rng = torch.Generator().manual_seed(0)
    train = torch.cat([class_images(c, 30, rng) for c in range(4)])
    test = torch.cat([class_images(c, 10, rng) for c in range(4)])
    labels = torch.arange(4).repeat_interleave(30)
    return PixelJudge(train, labels, test, torch.arange(4).repeat_interleave(10), k=3)


def test_class_shares_by_hand() -> None:
    assert class_shares(np.array([0, 0, 2, 1]), 4).tolist() == [0.5, 0.25, 0.25, 0.0]


def test_flat_pixels_scales_to_unit_range() -> None:
    flat = flat_pixels(np.array([[[0, 255]]], dtype=np.uint8))
    assert flat.shape == (1, 2) and flat.tolist() == [[0.0, 1.0]]


def test_the_judge_reads_classes(judge: PixelJudge) -> None:
    assert judge.test_accuracy() == 1.0


def test_one_class_of_samples_scores_a_zero_share(judge: PixelJudge) -> None:
    samples = class_images(2, 40, torch.Generator().manual_seed(1))
    scores = judge.score(samples)
    assert scores["judge_class_shares"] == [0.0, 0.0, 1.0, 0.0]
    assert scores["judge_min_class_share"] == 0.0
    # the samples sit among class-2 test images only: the real side of the others is right
    assert scores["judge_1nn_accuracy"] > 0.6


def test_real_looking_samples_are_hard_to_tell_apart(judge: PixelJudge) -> None:
    rng = torch.Generator().manual_seed(2)
    samples = torch.cat([class_images(c, 10, rng) for c in range(4)])
    scores = judge.score(samples)
    assert scores["judge_min_class_share"] == 0.25
    assert 0.3 < scores["judge_1nn_accuracy"] < 0.7
    noise = torch.randint(0, 256, (40, 1, 4, 4), generator=rng, dtype=torch.uint8)
    assert judge.score(noise)["judge_1nn_fake_accuracy"] == 1.0


def test_the_judge_moves_the_right_way_on_sets_of_known_quality() -> None:
    from gankit.data import load_dataset
    from gankit.metrics.sanity import blur, shuffle

    data = load_dataset("digits", {"image_size": 28})
    rng = torch.Generator().manual_seed(0)
    order = torch.randperm(len(data.images), generator=rng)
    train, test = order[:1100], order[1100:1500]
    judge = PixelJudge(data.images[train], data.labels[train], data.images[test],
                       data.labels[test])
    real = data.images[train[:400]]
    noise = torch.randint(0, 256, real.shape, generator=rng, dtype=torch.uint8)
    one_class = data.images[train][data.labels[train] == 3]
    scores = {name: judge.score(images) for name, images in
              {"real": real, "noise": noise, "blurred": blur(real),
               "one class": one_class, "shuffled": shuffle(real, rng)}.items()}
    good = scores["real"]
    assert 0.35 < good["judge_1nn_accuracy"] < 0.65 and good["judge_min_class_share"] > 0.05
    for case in ("noise", "shuffled"):
        assert scores[case]["judge_1nn_accuracy"] > 0.95, case
    assert scores["blurred"]["judge_1nn_accuracy"] > good["judge_1nn_accuracy"] + 0.1
    assert scores["one class"]["judge_min_class_share"] == 0.0
    assert scores["one class"]["judge_1nn_accuracy"] > good["judge_1nn_accuracy"] + 0.2
