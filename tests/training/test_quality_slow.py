"""Long checks that the presets actually learn; run with `python -m pytest -m slow`."""

import pytest

import gankit
from gankit.data import load_dataset
from gankit.metrics.modes import mode_coverage


@pytest.mark.slow
@pytest.mark.parametrize("preset", ["ns-ring", "minimax-ring"])  # measured 8/8, >93 % HQ
def test_ring_preset_covers_modes(preset, tmp_path):
    run = gankit.train(preset, out=str(tmp_path / "run"), device="cpu",
                       log={"progress": False, "tensorboard": False})
    source = load_dataset("ring")
    points = gankit.sample(run, n=2500, seed=1, device="cpu").numpy()
    score = mode_coverage(points, source.centers.numpy(), source.sigma)
    assert score.modes == 8 and score.high_quality > 80
