"""pix2pix's PatchGAN: the receptive field chosen for the image size and measured by gradients,
per-patch scores (N, P), conditional and unconditional forms, gradients to the generator."""

import pytest
import torch
from torch import nn

from gankit.core.errors import GankitError
from gankit.core.step import CriticOutput
from gankit.nets.image2image import (
    PatchCritic,
    UNetGenerator,
    patch_layers,
    receptive_field,
)


def images(n, channels, height, width, dtype=torch.float32):
    return torch.rand(n, channels, height, width, dtype=dtype) * 2 - 1


@pytest.mark.parametrize("size, field", [(28, 16), (32, 16), (64, 16), (128, 34), (256, 70),
                                         (8, 7), ((27, 29), 16)])
def test_receptive_field_for_the_image_size(size, field):
    assert receptive_field(patch_layers(size)) == field
    assert PatchCritic(1, 0, size, width=4).receptive_field == field


def test_the_paper_s_70_pixel_critic():
    """C64-C128-C256-C512 then one logit per patch; the authors' code prints 2.769 M parameters
    for it on a 3-channel source and output."""
    critic = PatchCritic(3, 3, 256)
    convs = [m for m in critic.modules() if isinstance(m, nn.Conv2d)]
    assert [m.out_channels for m in convs] == [64, 128, 256, 512, 1]
    assert [m.stride[0] for m in convs] == [2, 2, 2, 1, 1]
    assert {m.kernel_size for m in convs} == {(4, 4)}
    assert critic.receptive_field == 70
    assert round(sum(p.numel() for p in critic.parameters()) / 1e6, 3) == 2.769
    assert isinstance(critic.body[1], nn.LeakyReLU)  # no norm on the first layer


@pytest.mark.parametrize("patch", [7, 16, 34, 70])
@pytest.mark.parametrize("norm", ["batch", "none"])
def test_one_logit_sees_exactly_its_receptive_field(patch, norm):
    """The input pixels whose gradient reaches one interior logit form a patch×patch square (in
    evaluation mode: batch statistics, or instance norm, would tie every pixel to every logit)."""
    critic = PatchCritic(2, 1, 32, patch=patch, width=2, norm=norm).double().eval()
    side = 2 * patch + 8
    x = images(1, 2, side, side, torch.float64).requires_grad_()
    condition = images(1, 1, side, side, torch.float64).requires_grad_()
    grid = critic.patch_grid(side, side)
    logits = critic(x, condition).score.view(grid)
    logits[grid[0] // 2, grid[1] // 2].backward()
    for tensor in (x, condition):
        assert tensor.grad is not None
        rows, cols = (tensor.grad[0] != 0).any(0).nonzero(as_tuple=True)
        assert rows.max() - rows.min() + 1 == patch and cols.max() - cols.min() + 1 == patch
        assert len(rows) == patch * patch


@pytest.mark.parametrize("height, width, grid", [(28, 28, (12, 12)), (32, 32, (14, 14)),
                                                 (64, 64, (30, 30)), (27, 29, (11, 12))])
def test_score_is_the_patch_map_flattened_per_sample(height, width, grid):
    critic = PatchCritic(3, 1, (height, width), width=4)
    out = critic(images(5, 3, height, width), images(5, 1, height, width))
    assert isinstance(out, CriticOutput)
    assert critic.patch_grid(height, width) == grid
    assert out.score.shape == (5, grid[0] * grid[1])


def test_a_smaller_source_is_upsampled_by_nearest_neighbours():
    critic = PatchCritic(1, 1, 32, width=4)
    seen = []
    critic.body[0].register_forward_pre_hook(lambda module, args: seen.append(args[0]))
    x, low = images(2, 1, 32, 32), images(2, 1, 8, 8)
    assert critic(x, low).score.shape == (2, 14 * 14)
    expected = low.repeat_interleave(4, dim=2).repeat_interleave(4, dim=3)
    assert torch.equal(seen[0], torch.cat([expected, x], dim=1))


def test_the_unconditional_critic_ignores_the_condition():
    critic = PatchCritic(3, 0, 32, width=4).eval()
    x = images(2, 3, 32, 32)
    assert torch.equal(critic(x).score, critic(x, images(2, 3, 16, 16)).score)
    conditional = PatchCritic(3, 3, 32, width=4)
    with pytest.raises(ValueError, match="condition"):
        conditional(x)


def test_the_critic_s_gradient_reaches_the_generator():
    generator = UNetGenerator(1, 1, 28, width=4)
    critic = PatchCritic(1, 1, 28, width=4)
    source = images(2, 1, 28, 28)
    fake = generator(None, source)
    fake.retain_grad()
    critic(fake, source).score.mean().backward()
    assert fake.grad is not None and fake.grad.abs().sum() > 0
    assert all(p.grad is not None and p.grad.abs().sum() > 0 for p in generator.parameters())


def test_spectral_norm_wraps_every_convolution():
    critic = PatchCritic(1, 1, 32, width=4, norm="instance", spectral_norm=True)
    convs = [m for m in critic.modules() if isinstance(m, nn.Conv2d)]
    assert all(hasattr(m, "parametrizations") for m in convs)
    with pytest.raises(GankitError, match="spectral_norm"):
        PatchCritic(1, 1, 32, norm="batch", spectral_norm=True)


def test_patch_must_be_one_of_the_family_s_fields():
    assert PatchCritic(1, 0, 256, patch=16, width=4).receptive_field == 16
    with pytest.raises(GankitError, match="7, 16, 34, 70"):
        PatchCritic(1, 0, 32, patch=10)
