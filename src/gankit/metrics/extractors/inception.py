"""The `inception-v3-fid` extractor: FID's Inception-v3 with the standard PyTorch port of its
weights, read from a file the user names (argument or $GANKIT_INCEPTION_WEIGHTS). gankit never
downloads it; the file is checked by SHA-256 before anything in it is loaded."""

from __future__ import annotations

import os
import pickle
import zipfile
from pathlib import Path

import torch
import torch.nn.functional as F

from gankit.core.errors import GankitError
from gankit.metrics.cache import file_sha256
from gankit.metrics.extractors.base import Extractor
from gankit.metrics.extractors.inception_net import CLASSES, INPUT_SIZE, FIDInceptionV3
from gankit.metrics.extractors.registry import ENV_VAR

FILE_NAME = "pt_inception-2015-12-05-6726825d.pth"
EXPECTED_SHA256_PREFIX = "6726825d"
SHORT_SHA = 12
OPTIONAL_KEYS = ("num_batches_tracked",)  # batch-norm counters some exports leave out


def weights_path(path: Path | str | None = None) -> Path:
    """`path`, else $GANKIT_INCEPTION_WEIGHTS; a GankitError that says what to do when neither
    names an existing file."""
    how = (f"gankit never downloads it: get the FID Inception weights {FILE_NAME} (pytorch-fid's "
           f"release 'fid_weights') yourself and set {ENV_VAR}=/path/to/{FILE_NAME}")
    if path is None and not os.environ.get(ENV_VAR):
        raise GankitError(f"the inception-v3-fid extractor needs a local weights file; {how}")
    source = "the given path" if path is not None else ENV_VAR
    chosen = Path(path if path is not None else os.environ[ENV_VAR]).expanduser()
    if not chosen.is_file():
        raise GankitError(f"no Inception weights file at {chosen} (from {source}); {how}")
    return chosen


def verified_sha256(path: Path) -> str:
    """The file's SHA-256, after checking it is the one of the FID Inception weights."""
    digest = file_sha256(path)
    if not digest.startswith(EXPECTED_SHA256_PREFIX):
        raise GankitError(f"{path} is not the FID Inception weights: its SHA-256 starts "
                          f"{digest[:len(EXPECTED_SHA256_PREFIX)]}, expected "
                          f"{EXPECTED_SHA256_PREFIX}; point {ENV_VAR} at pytorch-fid's {FILE_NAME}")
    return digest


def load_network(path: Path) -> FIDInceptionV3:
    """The network with the state_dict at `path` (loaded with weights_only=True)."""
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except (RuntimeError, pickle.UnpicklingError, zipfile.BadZipFile, EOFError, ValueError) as err:
        raise GankitError(f"cannot read {path} as a state_dict ({type(err).__name__})") from None
    with torch.device("meta"):  # no time spent initialising weights that are replaced next
        network = FIDInceptionV3()
    state = complete_state(state, network.state_dict(), path)
    try:
        network.load_state_dict(state, assign=True)
    except RuntimeError as error:
        raise GankitError(f"{path} does not fit FID's Inception-v3 "
                          f"({str(error).strip().splitlines()[-1].strip()})") from None
    return network


def complete_state(state: object, expected: dict[str, torch.Tensor],
                   path: Path) -> dict[str, torch.Tensor]:
    """`state` with the optional batch-norm counters added, after checking the key names."""
    if not isinstance(state, dict):
        raise GankitError(f"{path} does not hold a state_dict")
    missing = [k for k in expected if k not in state and not k.endswith(OPTIONAL_KEYS)]
    unexpected = [k for k in state if k not in expected]
    if missing or unexpected:
        raise GankitError(f"{path} does not fit FID's Inception-v3: {len(missing)} missing keys "
                          f"and {len(unexpected)} unexpected keys")
    counters = {k: torch.zeros((), dtype=torch.long) for k in expected if k not in state}
    return {**state, **counters}


class InceptionFID(Extractor):
    """2048-d pool features; probabilities = softmax over the 1008 logits (Inception Score)."""

    name = "inception-v3-fid"
    num_classes = CLASSES
    batch_size = 50

    def __init__(self, network: FIDInceptionV3, sha256: str,
                 device: str | torch.device = "cpu") -> None:
        super().__init__(network, device)
        self.identity = f"inception-v3-fid:{sha256[:SHORT_SHA]}"

    @classmethod
    def load(cls, path: Path | str | None = None,
             device: str | torch.device = "cpu") -> InceptionFID:
        chosen = weights_path(path)
        sha256 = verified_sha256(chosen)
        return cls(load_network(chosen), sha256, device)

    def prepare(self, images: torch.Tensor) -> torch.Tensor:
        """uint8 → [0, 1] → 3 channels → bilinear 299×299 → [-1, 1], as pytorch-fid does."""
        x = images.to(self.device).float().div_(255.0)
        if x.shape[1] == 1:
            x = x.expand(-1, 3, -1, -1)
        x = F.interpolate(x, size=(INPUT_SIZE, INPUT_SIZE), mode="bilinear", align_corners=False)
        return x.mul_(2.0).sub_(1.0)
