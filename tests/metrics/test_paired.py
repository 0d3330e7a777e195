"""Paired-image metrics: PSNR and SSIM against torchmetrics called another way, against an
independent SSIM (scipy's Gaussian filter) and by hand; hole metrics and sharpness by hand."""

import numpy as np
import pytest
import torch
from scipy.ndimage import gaussian_filter
from torchmetrics.functional.image import (
    peak_signal_noise_ratio,
    structural_similarity_index_measure,
)

from gankit.core.errors import GankitError
from gankit.metrics.paired import (
    gradient_magnitude,
    hole_l1,
    hole_psnr,
    paired_scores,
    psnr,
    sharpness,
    ssim,
)


def random_pair(seed, shape=(3, 3, 28, 28)):
    rng = np.random.default_rng(seed)
    target = rng.uniform(-1, 1, shape)
    return np.clip(target + rng.normal(0, 0.2, shape), -1, 1), target


def structured_pair(size=32):
    """Targets with edges, a disk and stripes; outputs a blurred, slightly shifted, noisy copy."""
    i, j = np.mgrid[:size, :size] / size
    disk = ((i - 0.5) ** 2 + (j - 0.4) ** 2 < 0.08).astype(float)
    stripes = np.sin(12 * np.pi * j) * (i > 0.6)
    target = np.stack([disk - 0.5 * stripes, 2 * i - 1, np.where(j > 0.5, 0.8, -0.8)])
    target = np.clip(np.stack([target, target[::-1]]), -1, 1)
    rng = np.random.default_rng(0)
    output = gaussian_filter(np.roll(target, 1, axis=-1), sigma=(0, 0, 0.8, 0.8))
    return np.clip(output + rng.normal(0, 0.05, output.shape), -1, 1), target


PAIRS = {"random": random_pair(1), "structured": structured_pair()}


def reference_ssim(x, y):
    """Wang et al. 2004 with a Gaussian window (σ 1.5, truncated at 11×11), the image mirrored
    at its borders, per channel, averaged, on [-1, 1] images read as 0..1: written from the paper
    with scipy, not torchmetrics."""
    x, y = (x + 1) / 2, (y + 1) / 2
    c1, c2 = 0.01**2, 0.03**2

    def blur(a):
        return gaussian_filter(a, 1.5, mode="mirror", truncate=3.5)

    values = []
    for a, b in zip(x, y):
        mu_a, mu_b = blur(a), blur(b)
        var_a = blur(a * a) - mu_a**2
        var_b = blur(b * b) - mu_b**2
        cov = blur(a * b) - mu_a * mu_b
        values.append(((2 * mu_a * mu_b + c1) * (2 * cov + c2)
                       / ((mu_a**2 + mu_b**2 + c1) * (var_a + var_b + c2))).mean())
    return np.mean(values)


def to_uint8(a):
    return np.round((a + 1) * 127.5).astype(np.uint8)


def test_psnr_by_hand():
    target = np.zeros((1, 1, 4, 4))
    assert psnr(target + 0.5, target).item() == pytest.approx(10 * np.log10(4 / 0.25))
    # uint8: an error of 5 on a quarter of the pixels
    target8 = np.full((1, 1, 4, 4), 100, np.uint8)
    output8 = target8.copy()
    output8[0, 0, :2, :2] += 5
    assert psnr(output8, target8).item() == pytest.approx(10 * np.log10(255**2 / (25 / 4)))
    assert psnr(target, target).item() == float("inf")


@pytest.mark.parametrize("name", PAIRS)
def test_psnr_matches_torchmetrics_on_zero_one_images(name):
    output, target = PAIRS[name]
    ours = psnr(output, target).numpy()
    theirs = [peak_signal_noise_ratio(torch.tensor(o + 1) / 2, torch.tensor(t + 1) / 2,
                                      data_range=1.0).item() for o, t in zip(output, target)]
    np.testing.assert_allclose(ours, theirs, rtol=1e-7)
    assert paired_scores(output, target)["psnr"] == pytest.approx(np.mean(theirs))


@pytest.mark.parametrize("name", PAIRS)
def test_ssim_matches_an_independent_implementation_and_uint8_images(name):
    output, target = PAIRS[name]
    ours = ssim(output, target).numpy()
    np.testing.assert_allclose(
        ours, [reference_ssim(o, t) for o, t in zip(output, target)], atol=1e-8)
    o8, t8 = to_uint8(output), to_uint8(target)
    theirs = structural_similarity_index_measure(
        torch.tensor(o8, dtype=torch.float64), torch.tensor(t8, dtype=torch.float64),
        data_range=255.0, reduction="none")
    np.testing.assert_allclose(ssim(o8, t8).numpy(), theirs.numpy(), rtol=1e-7)
    np.testing.assert_allclose(ssim(o8, t8).numpy(), ours, atol=0.01)  # quantised, near


def test_ssim_by_hand_on_flat_images_and_itself():
    """Flat images have no variance: SSIM is the luminance term (2ab + C1) / (a² + b² + C1), on
    the 0..1 scale (0.2 and -0.4 are 0.6 and 0.3 there)."""
    a, b, c1 = 0.6, 0.3, 0.01**2
    flat = np.ones((1, 1, 12, 12))
    assert ssim(0.2 * flat, -0.4 * flat).item() == pytest.approx(
        (2 * a * b + c1) / (a * a + b * b + c1))
    output, target = PAIRS["structured"]
    np.testing.assert_allclose(ssim(target, target).numpy(), 1.0)
    assert ssim(output, target).mean() < 0.95


def test_float_and_uint8_inputs_agree_exactly_when_the_floats_are_quantised():
    output, target = PAIRS["random"]
    o8, t8 = to_uint8(output), to_uint8(target)
    np.testing.assert_allclose(psnr(o8, t8).numpy(), psnr(o8 / 127.5 - 1, t8 / 127.5 - 1).numpy())
    np.testing.assert_allclose(psnr(torch.tensor(o8), t8).numpy(), psnr(o8, t8).numpy())


def test_hole_metrics_by_hand():
    target = np.zeros((2, 1, 4, 4))
    output = target.copy()
    output[0, 0, 0, 0], output[0, 0, 3, 3] = 0.5, -1.0  # (3,3) is outside the hole
    output[1, 0, 1, 1] = 0.2
    mask = np.zeros((2, 4, 4), bool)
    mask[0, :2, :2] = True  # 4 pixels, errors 0.25, 0, 0, 0 on the 0..1 scale
    mask[1, 1, :] = True  # 4 pixels, errors 0.1, 0, 0, 0
    np.testing.assert_allclose(hole_l1(output, target, mask).numpy(), [0.25 / 4, 0.1 / 4])
    np.testing.assert_allclose(hole_psnr(output, target, mask).numpy(),
                               [10 * np.log10(1 / (0.25**2 / 4)), 10 * np.log10(1 / (0.01 / 4))])


def test_a_hole_over_the_whole_image_gives_the_image_s_psnr():
    output, target = PAIRS["random"]
    everywhere = np.ones((3, 1, 28, 28))
    np.testing.assert_allclose(hole_psnr(output, target, everywhere).numpy(),
                               psnr(output, target).numpy())
    np.testing.assert_allclose(hole_l1(output, target, everywhere).numpy(),
                               np.abs(output - target).mean(axis=(1, 2, 3)) / 2)
    channels = np.ones_like(output)  # an N×C×H×W mask works too
    scores = paired_scores(output, target, channels)
    assert scores["hole_psnr"] == pytest.approx(scores["psnr"])


def test_gradient_magnitude_and_sharpness_by_hand():
    """A step from black to white between columns 1 and 2: on the 3×3 grid of forward
    differences one column of dx = 1 (0..1 scale), so the mean magnitude is 3 / 9; a step half as
    high gives half the sharpness."""
    step = np.full((1, 1, 4, 4), -1.0)
    step[..., 2:] = 1.0
    assert gradient_magnitude(step).item() == pytest.approx(1 / 3)
    diagonal = np.array([[[[0, 0.5], [0.5, 0]]]])  # dx = dy = 0.25 at the one grid point
    assert gradient_magnitude(diagonal).item() == pytest.approx(np.sqrt(2 * 0.25**2))
    assert sharpness(step / 2, step) == pytest.approx(0.5)
    assert sharpness(step, step) == 1.0


def test_blur_lowers_sharpness_and_noise_raises_it():
    output, target = PAIRS["structured"]
    blurred = gaussian_filter(target, sigma=(0, 0, 1, 1))
    rng = np.random.default_rng(2)
    noisy = np.clip(target + rng.normal(0, 0.2, target.shape), -1, 1)
    assert sharpness(blurred, target) < 0.8
    assert sharpness(noisy, target) > 1.2
    assert paired_scores(output, target)["sharpness"] == pytest.approx(sharpness(output, target))


def test_mistakes_are_explained():
    output, target = PAIRS["random"]
    with pytest.raises(GankitError, match=r"\[-1, 1\]"):
        psnr(output * 255, target)
    with pytest.raises(GankitError, match="one shape"):
        psnr(output[:2], target)
    with pytest.raises(GankitError, match="hole"):
        hole_l1(output, target, np.zeros((3, 28, 28)))
    with pytest.raises(GankitError, match="mask"):
        hole_l1(output, target, np.ones((3, 2, 28, 28)))
    with pytest.raises(GankitError, match="6×6"):
        ssim(np.zeros((1, 1, 5, 5)), np.zeros((1, 1, 5, 5)))
    with pytest.raises(GankitError, match="flat"):
        sharpness(target, np.zeros_like(target))
