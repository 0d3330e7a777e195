"""SeqGAN's CNN discriminator body (Yu et al. 2017, eqs. 11, 12 and 21-24; appendix Table 5):
token embeddings, one bank of convolutions per window size with ReLU and max-over-time pooling,
a highway layer and dropout. The linear head to one score (nets.critic.Critic) completes it;
the probability of "real" is sigmoid(score), eq. 25."""

from __future__ import annotations

import torch
from torch import Tensor, nn

from gankit.nets.highway import Highway

# Table 5 for sequence length 20 (also the official code's settings).
FILTER_SIZES = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20)
FILTER_COUNTS = (100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160)


class ConvFeatures(nn.Module):
    """int64 tokens N×L → N×(Σ counts) features."""

    def __init__(self, vocab: int, length: int, embed: int, sizes: tuple[int, ...],
                 counts: tuple[int, ...], dropout: float) -> None:
        super().__init__()
        pairs = [(s, c) for s, c in zip(sizes, counts) if s <= length]
        self.width = sum(c for _, c in pairs)
        self.embedding = nn.Embedding(vocab, embed)
        self.convs = nn.ModuleList(nn.Conv1d(embed, c, s) for s, c in pairs)
        self.highway = Highway(self.width)
        self.dropout = nn.Dropout(dropout)
        self._initialise()

    def _initialise(self) -> None:
        # The official code: embedding U(-1, 1); filters truncated N(0, 0.1), biases 0.1.
        nn.init.uniform_(self.embedding.weight, -1.0, 1.0)
        for conv in self.convs:
            nn.init.trunc_normal_(conv.weight, std=0.1, a=-0.2, b=0.2)
            nn.init.constant_(conv.bias, 0.1)

    def forward(self, tokens: Tensor) -> Tensor:
        x = self.embedding(tokens).transpose(1, 2)  # N×E×L
        pooled = [torch.relu(conv(x)).amax(dim=2) for conv in self.convs]
        return self.dropout(self.highway(torch.cat(pooled, dim=1)))
