import hashlib
import math

import numpy as np
import pytest
import torch

from gankit.core.errors import GankitError
from gankit.metrics.extractors import EXTRACTORS, build_extractor, inception
from gankit.metrics.extractors.inception_net import FIDInceptionV3

# The standard port's layers, written out as (prefix, in, out, kernel height, kernel width).
STEM = [("Conv2d_1a_3x3", 3, 32, 3, 3), ("Conv2d_2a_3x3", 32, 32, 3, 3),
        ("Conv2d_2b_3x3", 32, 64, 3, 3), ("Conv2d_3b_1x1", 64, 80, 1, 1),
        ("Conv2d_4a_3x3", 80, 192, 3, 3)]


def block_a(cin, pool):
    return [("branch1x1", cin, 64, 1, 1), ("branch5x5_1", cin, 48, 1, 1),
            ("branch5x5_2", 48, 64, 5, 5), ("branch3x3dbl_1", cin, 64, 1, 1),
            ("branch3x3dbl_2", 64, 96, 3, 3), ("branch3x3dbl_3", 96, 96, 3, 3),
            ("branch_pool", cin, pool, 1, 1)]


def block_b(cin):
    return [("branch3x3", cin, 384, 3, 3), ("branch3x3dbl_1", cin, 64, 1, 1),
            ("branch3x3dbl_2", 64, 96, 3, 3), ("branch3x3dbl_3", 96, 96, 3, 3)]


def block_c(cin, c7):
    return [("branch1x1", cin, 192, 1, 1), ("branch7x7_1", cin, c7, 1, 1),
            ("branch7x7_2", c7, c7, 1, 7), ("branch7x7_3", c7, 192, 7, 1),
            ("branch7x7dbl_1", cin, c7, 1, 1), ("branch7x7dbl_2", c7, c7, 7, 1),
            ("branch7x7dbl_3", c7, c7, 1, 7), ("branch7x7dbl_4", c7, c7, 7, 1),
            ("branch7x7dbl_5", c7, 192, 1, 7), ("branch_pool", cin, 192, 1, 1)]


def block_d(cin):
    return [("branch3x3_1", cin, 192, 1, 1), ("branch3x3_2", 192, 320, 3, 3),
            ("branch7x7x3_1", cin, 192, 1, 1), ("branch7x7x3_2", 192, 192, 1, 7),
            ("branch7x7x3_3", 192, 192, 7, 1), ("branch7x7x3_4", 192, 192, 3, 3)]


def block_e(cin):
    return [("branch1x1", cin, 320, 1, 1), ("branch3x3_1", cin, 384, 1, 1),
            ("branch3x3_2a", 384, 384, 1, 3), ("branch3x3_2b", 384, 384, 3, 1),
            ("branch3x3dbl_1", cin, 448, 1, 1), ("branch3x3dbl_2", 448, 384, 3, 3),
            ("branch3x3dbl_3a", 384, 384, 1, 3), ("branch3x3dbl_3b", 384, 384, 3, 1),
            ("branch_pool", cin, 192, 1, 1)]


BLOCKS = {"Mixed_5b": block_a(192, 32), "Mixed_5c": block_a(256, 64),
          "Mixed_5d": block_a(288, 64), "Mixed_6a": block_b(288),
          "Mixed_6b": block_c(768, 128), "Mixed_6c": block_c(768, 160),
          "Mixed_6d": block_c(768, 160), "Mixed_6e": block_c(768, 192),
          "Mixed_7a": block_d(768), "Mixed_7b": block_e(1280), "Mixed_7c": block_e(2048)}


def expected_shapes():
    convs = STEM + [(f"{block}.{name}", *rest) for block, layers in BLOCKS.items()
                    for name, *rest in layers]
    shapes = {}
    for prefix, cin, cout, kh, kw in convs:
        shapes[f"{prefix}.conv.weight"] = (cout, cin, kh, kw)
        for part in ("weight", "bias", "running_mean", "running_var"):
            shapes[f"{prefix}.bn.{part}"] = (cout,)
        shapes[f"{prefix}.bn.num_batches_tracked"] = ()
    shapes["fc.weight"], shapes["fc.bias"] = (1008, 2048), (1008,)
    return shapes


@pytest.fixture(scope="module")
def meta_network():
    with torch.device("meta"):
        return FIDInceptionV3()


def random_state(network):
    """Plausible random weights: He-scaled convolutions, identity batch norms."""
    state = {}
    for key, value in network.state_dict().items():
        if key.endswith("conv.weight") or key == "fc.weight":
            fan_in = math.prod(value.shape[1:])
            state[key] = torch.randn(value.shape) * math.sqrt(2.0 / fan_in)
        elif key.endswith(("bn.weight", "running_var")):
            state[key] = torch.ones(value.shape)
        elif not key.endswith("num_batches_tracked"):
            state[key] = torch.zeros(value.shape)
    return state


def test_state_dict_names_and_shapes_are_the_standard_ports(meta_network):
    found = {k: tuple(v.shape) for k, v in meta_network.state_dict().items()}
    assert found == expected_shapes()
    # torchvision's inception_v3 has 27,161,264 parameters; without the auxiliary head
    # (3,326,696) and with 1008 instead of 1000 classes (+16,392) that leaves 23,850,960.
    assert sum(p.numel() for p in meta_network.parameters()) == 23_850_960


def test_absent_file_says_what_to_do(monkeypatch):
    monkeypatch.delenv(inception.ENV_VAR, raising=False)
    with pytest.raises(GankitError) as caught:
        build_extractor("inception-v3-fid", "fashion-mnist")
    message = str(caught.value)
    assert "\n" not in message
    for part in (inception.FILE_NAME, "never downloads", inception.ENV_VAR):
        assert part in message


def test_missing_file_named_by_the_environment(monkeypatch, tmp_path):
    missing = tmp_path / "nowhere.pth"
    monkeypatch.setenv(inception.ENV_VAR, str(missing))
    with pytest.raises(GankitError, match="no Inception weights file at .*nowhere.pth"):
        build_extractor("inception-v3-fid", "fashion-mnist")


def test_wrong_file_is_named_as_such(monkeypatch, tmp_path):
    wrong = tmp_path / inception.FILE_NAME
    wrong.write_bytes(b"not the weights")
    monkeypatch.setenv(inception.ENV_VAR, str(wrong))
    with pytest.raises(GankitError) as caught:
        build_extractor("inception-v3-fid", "fashion-mnist")
    message = str(caught.value)
    assert "not the FID Inception weights" in message and "\n" not in message
    found = hashlib.sha256(b"not the weights").hexdigest()[:8]
    assert "expected 6726825d" in message and f"starts {found}" in message


def test_verified_file_loads_and_gives_2048_features(monkeypatch, tmp_path, meta_network):
    path = tmp_path / "random.pth"
    torch.save(random_state(meta_network), path)
    sha = inception.file_sha256(path)
    monkeypatch.setattr(inception, "EXPECTED_SHA256_PREFIX", sha[:8])
    extractor = build_extractor("inception-v3-fid", "fashion-mnist", path=path)
    assert extractor.identity == f"inception-v3-fid:{sha[:12]}"
    images = np.random.default_rng(0).integers(0, 256, size=(2, 28, 28, 1), dtype=np.uint8)
    prepared = extractor.prepare(torch.from_numpy(images).permute(0, 3, 1, 2))
    assert prepared.shape == (2, 3, 299, 299)
    assert prepared.min() >= -1.0 and prepared.max() <= 1.0
    monkeypatch.setattr(inception, "INPUT_SIZE", 96)  # the network is convolutional: keep it fast
    features, probabilities = extractor.features_and_probabilities(images)
    assert features.shape == (2, 2048) and features.dtype == np.float32
    assert probabilities.shape == (2, 1008)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)


def test_a_state_dict_of_another_network_is_refused(monkeypatch, tmp_path):
    path = tmp_path / "other.pth"
    torch.save({"layer.weight": torch.zeros(3)}, path)
    monkeypatch.setattr(inception, "EXPECTED_SHA256_PREFIX", inception.file_sha256(path)[:8])
    with pytest.raises(GankitError, match="does not fit FID's Inception-v3"):
        build_extractor("inception-v3-fid", "fashion-mnist", path=path)


def test_registry_lists_both_extractors():
    assert EXTRACTORS.names() == ["domain-classifier", "inception-v3-fid"]
    with pytest.raises(GankitError, match="unknown extractor"):
        build_extractor("vgg", "fashion-mnist")
