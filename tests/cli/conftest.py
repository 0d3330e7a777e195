import hashlib

import pytest
import torch

from gankit.training.checkpoints.files import read_checkpoint


@pytest.fixture
def weights_of():
    """weights_of(run) -> a hash of the generator's and critic's weights in its last.pt."""

    def digest(run):
        payload = read_checkpoint(run / "checkpoints" / "last.pt")
        flat = torch.cat([t.flatten().float() for k in ("generator", "critic")
                          for t in payload[k].values()])
        return hashlib.sha256(flat.numpy().tobytes()).hexdigest()

    return digest
