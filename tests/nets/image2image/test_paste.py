"""Inpainting's composite: the output inside the holes, the known pixels elsewhere."""

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.nets import build_nets


def test_known_pixels_are_kept_and_holes_filled_by_the_net():
    generator, _ = build_nets("pix2pix", {"width": 4, "d_width": 4, "paste": True}, (1, 28, 28),
                              4, source_shape=(2, 28, 28))
    generator.eval()  # dropout off: the same output twice
    image = torch.rand(2, 1, 28, 28) * 2 - 1
    mask = -torch.ones(2, 1, 28, 28)
    mask[..., 7:21, 7:21] = 1.0
    known = image.masked_fill(mask > 0, 0.0)
    out = generator(None, torch.cat([known, mask], 1))
    unpasted = generator.net(None, torch.cat([known, mask], 1))
    outside = mask <= 0
    assert out[outside].equal(image[outside])
    assert out[~outside].equal(unpasted[~outside])


def test_paste_needs_masked_sources():
    with pytest.raises(GankitError, match="set data_options.pairs=mask"):
        build_nets("pix2pix", {"paste": True}, (1, 28, 28), 4, source_shape=(1, 28, 28))
