import numpy as np
import pytest
import torch

from gankit.core.errors import GankitError
from gankit.metrics.images import as_nchw_uint8


def test_layouts():
    nhwc = np.arange(2 * 4 * 5 * 3, dtype=np.uint8).reshape(2, 4, 5, 3)
    nchw = as_nchw_uint8(nhwc)
    assert nchw.shape == (2, 3, 4, 5)
    assert torch.equal(nchw, torch.from_numpy(nhwc).permute(0, 3, 1, 2))
    assert torch.equal(as_nchw_uint8(nchw), nchw)
    assert as_nchw_uint8(np.zeros((3, 28, 28), np.uint8)).shape == (3, 1, 28, 28)
    assert as_nchw_uint8(np.zeros((3, 28, 28, 1), np.uint8)).shape == (3, 1, 28, 28)


def test_refusals():
    with pytest.raises(GankitError, match="uint8"):
        as_nchw_uint8(np.zeros((2, 1, 8, 8), np.float32))
    with pytest.raises(GankitError, match="1 or 3 channels"):
        as_nchw_uint8(np.zeros((2, 8, 8, 5), np.uint8))
    with pytest.raises(GankitError, match="N×H×W×C"):
        as_nchw_uint8(np.zeros((8, 8), np.uint8))
