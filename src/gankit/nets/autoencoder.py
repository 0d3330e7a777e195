"""Autoencoder critics: the energy of a sample is how badly the critic reconstructs it."""

from __future__ import annotations

from torch import Tensor, nn

from gankit.core.step import CriticOutput
from gankit.nets.energy import reconstruction_error


class AutoencoderCritic(nn.Module):
    """`encoder` maps samples to flat N×code_dim codes; `decoder` maps codes back to samples.

    `critic(x)` gives the energy per sample (N,) in float32 as the score, so penalties work on it
    as on any score, and the bottleneck code (N, code_dim).
    """

    def __init__(self, encoder: nn.Module, decoder: nn.Module, energy: str) -> None:
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.energy_kind = energy

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        code = self.encoder(x)
        energy = reconstruction_error(x, self.decoder(code), self.energy_kind)
        return CriticOutput(energy, code, energy)
