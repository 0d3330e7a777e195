"""The image metrics move the right way on sets of known quality (digits and their classifier;
benchmarks/metric_sanity.py prints the same table for Fashion-MNIST)."""

import pytest

from gankit.metrics.report import evaluate_images
from gankit.metrics.sanity import sanity_sets


@pytest.fixture(scope="module")
def table(digits_classifier):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GANKIT_CACHE", str(digits_classifier))
        sets = sanity_sets("digits", 600, image_size=28)
        return {case: evaluate_images(images, "digits", n=600) for case, images in sets.items()}


def test_noise_and_shuffled_pixels_are_not_precise(table):
    good = table["real train"]
    assert good["precision"] > 0.6 and good["recall"] > 0.6 and good["coverage"] > 0.6
    for case in ("gaussian noise", "shuffled pixels"):
        bad = table[case]
        assert bad["precision"] < 0.1 and bad["density"] < 0.1, case
        assert bad["recall"] < 0.05 and bad["coverage"] < 0.05, case
        assert bad["fid"] > 5 * good["fid"], case


def test_blur_is_less_precise_and_one_class_is_not_diverse(table):
    good = table["real train"]
    assert table["blurred real"]["precision"] < good["precision"] - 0.3
    one = table["one class only"]
    assert one["precision"] > 0.5  # real images, just one class of them
    assert one["recall"] < good["recall"] - 0.3 and one["coverage"] < good["coverage"] - 0.3
