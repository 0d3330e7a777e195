"""Inverse-CDF sampling: the token whose cumulative probability first exceeds u."""

import math

import torch

from gankit.sequences.sampling import inverse_cdf, normal_to_uniform


def reference(logits, u, temperature=1.0):
    cdf = torch.softmax(logits.double() / temperature, dim=1).cumsum(dim=1)
    index = torch.searchsorted(cdf, (u.double() * cdf[:, -1])[:, None], right=True)[:, 0]
    return index.clamp(max=logits.shape[1] - 1)


def test_matches_a_full_cumulative_sum():
    generator = torch.Generator().manual_seed(0)
    for vocab in (1, 2, 5, 49, 50, 5000):
        logits = 3 * torch.randn(300, vocab, generator=generator)
        u = torch.rand(300, generator=generator, dtype=torch.float64)
        assert torch.equal(inverse_cdf(logits, u), reference(logits, u)), vocab
        assert torch.equal(inverse_cdf(logits, u, 0.5), reference(logits, u, 0.5)), vocab


def test_hand_computed_boundaries():
    logits = torch.log(torch.tensor([[0.25, 0.5, 0.25]])).repeat(5, 1)
    u = torch.tensor([0.0, 0.2499, 0.25, 0.7501, 0.999999])
    assert inverse_cdf(logits, u).tolist() == [0, 0, 1, 2, 2]


def test_frequencies_follow_the_softmax():
    logits = torch.tensor([[0.0, 1.0, 2.0, -1.0, 0.5]]).repeat(100_000, 1)
    u = torch.rand(100_000, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    counts = torch.bincount(inverse_cdf(logits, u), minlength=5) / 100_000
    torch.testing.assert_close(counts, torch.softmax(logits[0], 0), atol=0.005, rtol=0)


def test_normal_to_uniform():
    z = torch.tensor([0.0, 1.0, -1.96])
    u = normal_to_uniform(z)
    assert u.dtype == torch.float64
    expected = [0.5, 0.5 * (1 + math.erf(1 / math.sqrt(2))), 0.025]
    torch.testing.assert_close(u, torch.tensor(expected, dtype=torch.float64), atol=1e-4, rtol=0)
