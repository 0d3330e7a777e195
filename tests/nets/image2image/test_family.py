"""The image-to-image families build from the target's and the source's shapes, and refuse what
they cannot translate."""

import pytest
import torch

from gankit.core.errors import GankitError
from gankit.nets import build_nets


@pytest.mark.parametrize("name, source, target", [
    ("pix2pix", (1, 28, 28), (1, 28, 28)),
    ("pix2pix", (2, 32, 32), (3, 32, 32)),  # a masked RGB source: the hole as a fourth channel
    ("srresnet", (1, 7, 7), (1, 28, 28)),
    ("srresnet", (3, 16, 16), (3, 32, 32)),
])
def test_built_from_shapes(name, source, target):
    options = {"width": 8, "d_width": 8}
    generator, critic = build_nets(name, options, target, 4, source_shape=source)
    sources = torch.rand(2, *source) * 2 - 1
    out = generator(torch.zeros(2, 4), sources)
    assert out.shape == (2, *target)
    assert critic(out, sources).score.shape[0] == 2


def test_mismatched_shapes_and_missing_sources_are_refused():
    with pytest.raises(GankitError, match="use net=srresnet"):
        build_nets("pix2pix", {}, (1, 28, 28), 4, source_shape=(1, 7, 7))
    with pytest.raises(GankitError, match="whole factor"):
        build_nets("srresnet", {}, (1, 28, 28), 4, source_shape=(1, 8, 8))
    with pytest.raises(GankitError, match="paired or unpaired image data"):
        build_nets("pix2pix", {}, (1, 28, 28), 4)
    with pytest.raises(GankitError, match="takes no source image"):
        build_nets("mlp", {}, (1, 28, 28), 4, source_shape=(1, 28, 28))
