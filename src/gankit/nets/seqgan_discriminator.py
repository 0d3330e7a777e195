"""SeqGAN's CNN discriminator body (Yu et al. 2017, eqs. 11, 12 and 21-24; appendix Table 5):
token embeddings, one bank of convolutions per window size with ReLU and max-over-time pooling,
a highway layer and dropout. The linear head to one score (nets.critic.Critic) completes it;
the probability of "real" is sigmoid(score), eq. 25.

The banks run as separate convolutions, or `stacked`: every window of the longest filter's width
in one matrix product with all filters, each right-padded with zeros to that width, and the
positions a shorter filter never reaches masked out before the max. The two agree to rounding
(same weights, same state dict). Stacked is ~3× the arithmetic in one product instead of dozens
of small kernels: 2.8× slower on a CPU (one thread, batch 128), meant for GPUs, where cuDNN's
one-dimensional convolutions bound a replayed D step (benchmarks/results/seqgan-oracle-gpu.md)."""

from __future__ import annotations

from typing import Literal, cast

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from gankit.nets.highway import Highway

# Table 5 for sequence length 20 (also the official code's settings).
FILTER_SIZES = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20)
FILTER_COUNTS = (100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160)


class ConvFeatures(nn.Module):
    """int64 tokens N×L → N×(Σ counts) features."""

    valid: Tensor  # buffers registered in __init__
    bank_index: Tensor

    def __init__(self, vocab: int, length: int, embed: int, sizes: tuple[int, ...],
                 counts: tuple[int, ...], dropout: float,
                 banks: Literal["separate", "stacked"] = "separate") -> None:
        super().__init__()
        pairs = [(s, c) for s, c in zip(sizes, counts) if s <= length]
        self.width, self.length, self.banks = sum(c for _, c in pairs), length, banks
        self.span = max(s for s, _ in pairs)
        # position p of a filter of size s is a real window when p + s <= length
        reach = torch.tensor([length - s for s, c in pairs for _ in range(c)])
        self.register_buffer("valid", (torch.arange(length)[:, None] <= reach).float(),
                             persistent=False)
        self.register_buffer("bank_index", bank_index(pairs, embed, self.span), persistent=False)
        self.embedding = nn.Embedding(vocab, embed)
        self.convs = nn.ModuleList(nn.Conv1d(embed, c, s) for s, c in pairs)
        self.highway = Highway(self.width)
        self.dropout = nn.Dropout(dropout)
        self._initialise()

    def _initialise(self) -> None:
        # The official code: embedding U(-1, 1); filters truncated N(0, 0.1), biases 0.1.
        nn.init.uniform_(self.embedding.weight, -1.0, 1.0)
        for conv in self.conv_layers():
            nn.init.trunc_normal_(conv.weight, std=0.1, a=-0.2, b=0.2)
            assert conv.bias is not None  # the convolutions keep Conv1d's default bias=True
            nn.init.constant_(conv.bias, 0.1)

    def conv_layers(self) -> list[nn.Conv1d]:
        """The banks' convolutions (iterating a ModuleList types them as plain Modules)."""
        return cast("list[nn.Conv1d]", list(self.convs))

    def forward(self, tokens: Tensor) -> Tensor:
        x = self.embedding(tokens)  # N×L×E
        if self.banks == "stacked" and tokens.shape[1] == self.length:
            pooled = self.stacked_banks(x)
        else:
            x = x.transpose(1, 2)  # N×E×L
            pooled = torch.cat([torch.relu(conv(x)).amax(dim=2) for conv in self.convs], dim=1)
        return self.dropout(self.highway(pooled))

    def stacked_banks(self, x: Tensor) -> Tensor:
        """Every bank's max-pooled ReLU features N×(Σ counts) from one matrix product."""
        n, length, embed = x.shape
        windows = F.pad(x, (0, 0, 0, self.span - 1)).unfold(1, self.span, 1)  # N×L×E×span
        out = windows.reshape(n, length, embed * self.span) @ self.bank().T \
            + torch.cat([cast(Tensor, conv.bias) for conv in self.conv_layers()])  # bias=True
        # ReLU makes every value >= 0, so zeroing unreached positions leaves each max unchanged
        return (torch.relu(out) * self.valid).amax(dim=1)

    def bank(self) -> Tensor:
        """Every filter right-padded with zeros to the longest, C×(E·span): the filters'
        weights copied into place at once (one kernel each way, not one per bank)."""
        convs = self.conv_layers()
        flat = torch.cat([conv.weight.reshape(-1) for conv in convs])
        padded = flat.new_zeros(self.width * convs[0].in_channels * self.span)
        return padded.index_copy(0, self.bank_index, flat).view(self.width, -1)


def bank_index(pairs: list[tuple[int, int]], embed: int, span: int) -> Tensor:
    """Where each weight of the filters, flattened bank by bank, sits in the padded bank
    C×E×span: filter c of a bank of width s takes taps 0..s-1 of its row."""
    rows, row = [], 0
    for size, count in pairs:
        taps = torch.arange(size)
        offsets = (torch.arange(count)[:, None, None] + row) * embed * span \
            + torch.arange(embed)[None, :, None] * span + taps[None, None, :]
        rows.append(offsets.reshape(-1))
        row += count
    return torch.cat(rows)
