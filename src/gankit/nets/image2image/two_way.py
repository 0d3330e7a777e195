"""CycleGAN's nets (Zhu et al. 2017, section 3): two generators, G: X → Y and F: Y → X, and two
critics, D_Y judging images of the target domain Y and D_X those of the source domain X — held as
one generator and one critic, so that the engine, its optimisers (the authors' code also steps
both generators with one Adam, and both critics with another), checkpoints, the moving average
and every tool that samples a run see the usual pair.

Called as usual, they are the forward direction: `G(z, x)` translates a source image, `D(y)`
scores a target-domain image. The other direction is a keyword of the same forward (so that
data-parallel wrappers, which call forward only, pass it through): `G(z, y, inverse=True)` is
F(y), `D(x, side="source")` is D_X(x).
"""

from __future__ import annotations

from typing import Literal

from torch import Tensor, nn

from gankit.core.step import CriticOutput

Side = Literal["target", "source"]


class TwoWayGenerator(nn.Module):
    def __init__(self, forward_net: nn.Module, inverse_net: nn.Module) -> None:
        super().__init__()
        self.forward_net, self.inverse_net = forward_net, inverse_net

    def forward(self, z: Tensor | None, condition: Tensor, inverse: bool = False) -> Tensor:
        """G(condition): a source image translated to the target domain; with `inverse`,
        F(condition): a target-domain image translated to the source domain."""
        return (self.inverse_net if inverse else self.forward_net)(z, condition)


class TwoSidedCritic(nn.Module):
    def __init__(self, target_critic: nn.Module, source_critic: nn.Module) -> None:
        super().__init__()
        self.target_critic, self.source_critic = target_critic, source_critic

    def forward(self, x: Tensor, condition: Tensor | None = None,
                side: Side = "target") -> CriticOutput:
        """D_Y(x) for images of the target domain, D_X(x) with side="source"; unconditional
        (unpaired images have no partner to be judged with), so `condition` is ignored."""
        return (self.source_critic if side == "source" else self.target_critic)(x, None)


class OneSide(nn.Module):
    """One side of a two-sided critic as a critic of its own: `OneSide(D, "source")(x, c)` is
    D(x, c, side="source"), so losses written for one critic can judge the source domain."""

    def __init__(self, critic: nn.Module, side: Side) -> None:
        super().__init__()
        self.critic, self.side = critic, side

    def forward(self, x: Tensor, condition: Tensor | None = None) -> CriticOutput:
        return self.critic(x, condition, side=self.side)
