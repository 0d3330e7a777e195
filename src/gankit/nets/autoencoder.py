"""Autoencoder critics: the energy of a sample is how badly the critic reconstructs it."""

from __future__ import annotations

from torch import Tensor, nn

from gankit.nets.energy import reconstruction_error


class AutoencoderCritic(nn.Module):
    """`encoder` maps samples to flat N×code_dim codes; `decoder` maps codes back to samples.

    `critic(x)` is the energy per sample, shape (N,), so penalties work on it as on a score.
    """

    def __init__(self, encoder: nn.Module, decoder: nn.Module, energy: str) -> None:
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.energy_kind = energy

    def forward(self, x: Tensor) -> Tensor:
        return self.energy_and_code(x)[0]

    def encode(self, x: Tensor) -> Tensor:
        return self.encoder(x)

    def reconstruct(self, x: Tensor) -> Tensor:
        return self.decoder(self.encoder(x))

    def energy_and_code(self, x: Tensor) -> tuple[Tensor, Tensor]:
        """Energies (N,) in float32 and the bottleneck codes (N, code_dim)."""
        code = self.encoder(x)
        return reconstruction_error(x, self.decoder(code), self.energy_kind), code
