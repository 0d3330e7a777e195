"""scikit-learn's bundled 8×8 handwritten digits (1797 images, 10 classes); no download."""

from __future__ import annotations

import torch

from gankit.data.base import InMemoryImages
from gankit.data.checks import check_image_options, reject_argument
from gankit.data.options import DigitsOptions
from gankit.data.transform import resize_square, take_first

DIGITS_MAX = 16.0  # the pixel values of load_digits run 0..16


def digits_tensors() -> tuple[torch.Tensor, torch.Tensor]:
    """uint8 N×1×8×8 images scaled to 0..255 and int64 labels."""
    from sklearn.datasets import load_digits  # slow import, only needed here

    bunch = load_digits()
    scaled = torch.from_numpy(bunch.images).mul(255.0 / DIGITS_MAX).round_()
    return scaled.to(torch.uint8).unsqueeze(1), torch.from_numpy(bunch.target).long()


class DigitsLoader:
    Options = DigitsOptions

    @staticmethod
    def load(options: DigitsOptions, argument: str | None) -> InMemoryImages:
        reject_argument("digits", argument)
        check_image_options(options)
        images, labels = take_first(*digits_tensors(), options.limit)
        return InMemoryImages(resize_square(images, options.image_size), labels)
