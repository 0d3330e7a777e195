"""SeqGAN's generator (Yu et al. 2017, eqs. 9-10): an LSTM language model that is also a
generator of the engine's kind, G(z) → tokens.

Sampling is by the inverse CDF at u_t = Φ(z_t), one latent coordinate per position, so z_dim
equals the sequence length and a fixed z gives fixed sequences (previews, `gankit sample --seed`).
Since z ~ N(0, I), the tokens are exact draws from the model. The tokens carry no gradient;
MLE and the policy gradient call the generator with `tokens=` for their log-probabilities.
"""

from __future__ import annotations

import torch
from torch import Tensor, nn

from gankit.sequences.lstm import TokenLSTM
from gankit.sequences.sampling import normal_to_uniform


class SequenceGenerator(nn.Module):
    def __init__(self, vocab: int, length: int, embed: int, hidden: int,
                 temperature: float = 1.0) -> None:
        super().__init__()
        self.length = length
        self.temperature = temperature  # sampling and log_probs use softmax(logits / T)
        self.lstm = TokenLSTM(vocab, embed, hidden)
        initialise(self.lstm)

    def forward(self, z: Tensor | None, labels: Tensor | None = None,
                tokens: Tensor | None = None) -> Tensor:
        """int64 sequences N×L, token t drawn at Φ(z[:, t]); or, given `tokens`, their
        log-probabilities log G(y_t | y_<t), N×L with gradient (z is then unused)."""
        if tokens is not None:
            return self.lstm.log_probs(tokens, self.temperature)
        if z is None or z.dim() != 2 or z.shape[1] != self.length:
            shape = None if z is None else tuple(z.shape)
            raise ValueError(f"z must be N×{self.length} (one coordinate per token), got {shape}")
        with torch.no_grad():
            return self.lstm.sample(normal_to_uniform(z), self.temperature)


def initialise(lstm: TokenLSTM, std: float = 0.1) -> None:
    """The official code's init: every parameter N(0, 0.1). PyTorch's LSTM keeps two bias
    vectors; the second starts at zero so their sum is N(0, 0.1) too."""
    with torch.no_grad():
        for name, parameter in lstm.named_parameters():
            parameter.zero_() if name == "lstm.bias_hh_l0" else parameter.normal_(0.0, std)
