"""The LSTM language model of SeqGAN (Yu et al. 2017, eqs. 9, 10 and 18-20), used both as the
generator and as the oracle: y_t ~ softmax(c + V h_t), where h_t = LSTM(h_{t-1}, x_t) and
x_t is the embedding of the previous token (of the start token 0 at the first step).
h_0 = c_0 = 0."""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from gankit.sequences.sampling import inverse_cdf

START_TOKEN = 0
State = tuple[Tensor, Tensor]


class TokenLSTM(nn.Module):
    """Embedding (V×E) → one LSTM layer (hidden H) → readout (H→V logits)."""

    def __init__(self, vocab: int, embed: int, hidden: int) -> None:
        super().__init__()
        self.vocab, self.hidden_size = vocab, hidden
        self.embedding = nn.Embedding(vocab, embed)
        self.lstm = nn.LSTM(embed, hidden, batch_first=True)
        self.readout = nn.Linear(hidden, vocab)

    def inputs(self, tokens: Tensor) -> Tensor:
        """The input tokens that predict `tokens` (N×L): the start token, then tokens[:, :-1]."""
        start = torch.full_like(tokens[:, :1], START_TOKEN)
        return torch.cat([start, tokens[:, :-1]], dim=1)

    def logits(self, tokens: Tensor) -> Tensor:
        """Teacher-forced logits N×L×V: row t predicts tokens[:, t] from tokens[:, :t]."""
        hidden, _ = self.lstm(self.embedding(self.inputs(tokens)))
        return self.readout(hidden)

    def log_probs(self, tokens: Tensor, temperature: float = 1.0) -> Tensor:
        """log p(y_t | y_<t) of every token, N×L."""
        logits = self.logits(tokens).float()
        if temperature != 1.0:
            logits = logits / temperature
        nll = F.cross_entropy(logits.flatten(0, 1), tokens.flatten(), reduction="none")
        return -nll.view_as(tokens)

    def zero_state(self, n: int) -> State:
        weight = self.readout.weight
        zeros = torch.zeros(1, n, self.hidden_size, dtype=weight.dtype, device=weight.device)
        return zeros, zeros.clone()

    def step(self, token: Tensor, state: State) -> tuple[Tensor, State]:
        """Feed one token per row (N,); return the logits of the next one (N×V) and the state."""
        output, state = self.lstm(self.embedding(token).unsqueeze(1), state)
        return self.readout(output.squeeze(1)), state

    def prefix_states(self, tokens: Tensor) -> list[tuple[Tensor, State]]:
        """For t = 0..L-1: (logits of token t, state) after reading the start token and
        tokens[:, :t]; entry t is where a completion that keeps the first t tokens begins."""
        out, state = [], self.zero_state(len(tokens))
        token = torch.full_like(tokens[:, 0], START_TOKEN)
        for t in range(tokens.shape[1]):
            logits, state = self.step(token, state)
            out.append((logits, state))
            token = tokens[:, t]
        return out

    def complete(self, prefix: Tensor, logits: Tensor, state: State, length: int,
                 uniform: Callable[[int], Tensor], temperature: float = 1.0) -> Tensor:
        """Extend `prefix` (N×t) to N×length, sampling each new token at `uniform(t)` (N,);
        `logits` and `state` are those after reading the prefix."""
        tokens = [prefix]
        for t in range(prefix.shape[1], length):
            token = inverse_cdf(logits, uniform(t), temperature)
            tokens.append(token.unsqueeze(1))
            if t + 1 < length:
                logits, state = self.step(token, state)
        return torch.cat(tokens, dim=1)

    def sample(self, uniforms: Tensor, temperature: float = 1.0) -> Tensor:
        """Sequences N×L, token t drawn at uniforms[:, t] (N×L in [0, 1))."""
        n, length = uniforms.shape
        empty = torch.empty(n, 0, dtype=torch.long, device=uniforms.device)
        logits, state = self.step(torch.full((n,), START_TOKEN, device=uniforms.device),
                                  self.zero_state(n))
        return self.complete(empty, logits, state, length, lambda t: uniforms[:, t], temperature)
