"""PacGAN's packing (Lin et al. 2018, section 3): the critic judges m samples at once, all real or
all fake, stacked as one input of m times the channels (images) or entries (points). A critic
that sees m samples together can tell a batch that repeats itself from one that does not, which
penalises mode collapse. A batch of N samples gives N/m scores; the objectives average them as
any other scores."""

from __future__ import annotations

from torch import Tensor, nn

from gankit.core.step import CriticOutput


class PackedCritic(nn.Module):
    """D_m(x_1..x_m) = critic([x_1, ..., x_m]): consecutive samples of a batch form a pack."""

    def __init__(self, critic: nn.Module, pack: int) -> None:
        super().__init__()
        self.critic, self.pack = critic, pack

    def forward(self, x: Tensor, labels: Tensor | None = None) -> CriticOutput:
        n = x.shape[0]
        if n % self.pack:
            raise ValueError(f"a critic that packs {self.pack} samples needs batches of a multiple "
                             f"of {self.pack}, got {n}")
        packed = x.reshape(n // self.pack, self.pack * x.shape[1], *x.shape[2:])
        return self.critic(packed, labels)


def packed_shape(data_shape: tuple[int, ...], pack: int) -> tuple[int, ...]:
    """The shape the inner critic sees: m times the channels (or the entries of a point)."""
    return (data_shape[0] * pack, *data_shape[1:])
