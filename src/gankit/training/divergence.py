"""Divergence caught: a NaN or infinity in a loss term or a gradient stops the update before it
reaches the weights. On the CPU every update is checked as it runs; on a GPU the checks only
accumulate on the device and are read at each logging flush (no host sync inside a step).

Then `on_nan`: `stop` ends the run with one line naming the step, the term that went first and
the last good checkpoint; `rollback` reloads that checkpoint, lowers every learning rate by
`rollback_lr_factor` (its n-th power for the n-th rollback in a row to the same checkpoint) and
goes on, at most `max_rollbacks` times.
"""

from __future__ import annotations

import torch
from torch import Tensor, nn

from gankit.core.errors import GankitError
from gankit.core.step import Terms


class Diverged(GankitError):
    """A non-finite value; `what` names where it appeared first."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class DivergenceGuard:
    def __init__(self, device: torch.device) -> None:
        self.immediate = device.type == "cpu"
        # deferred checks: the names of what was checked -> "was non-finite", one flag per name
        self.flags: dict[tuple[str, ...], Tensor] = {}

    def terms(self, update: str, terms: Terms) -> None:
        """The loss terms: their sum is non-finite if any of them is, so one check runs per
        update; the term to blame is looked for only then."""
        try:
            self.check(f"the loss of {update}", terms.total().detach())
        except Diverged:
            first = next(name for name, value in terms.losses.items()
                         if not torch.isfinite(value).all())
            raise Diverged(f"the loss term {update}/{first}") from None

    def gradients(self, update: str, parameters: list[nn.Parameter]) -> None:
        norm = gradient_norm(parameters)
        if norm is not None:
            self.check(f"the gradients of {update}", norm)

    def check(self, what: str, value: Tensor) -> None:
        self.flag((what,), (~torch.isfinite(value).all()).reshape(1))

    @staticmethod
    def step_flags(terms: Terms, parameters: list[nn.Parameter]) -> Tensor:
        """Whether an update's loss and its gradients are non-finite, as two flags on the device:
        computed without a host sync, so inside an update recorded as a CUDA graph."""
        total = terms.total().detach().float()
        norm = gradient_norm(parameters)
        norm = torch.zeros_like(total) if norm is None else norm.float()
        return ~torch.isfinite(torch.stack([total, norm]))

    def add(self, update: str, flags: Tensor) -> None:
        """An update's step_flags: raised now on a CPU, at the next flush elsewhere."""
        self.flag((f"the loss of {update}", f"the gradients of {update}"), flags)

    def flag(self, names: tuple[str, ...], flags: Tensor) -> None:
        if self.immediate:
            first = next((name for name, bad in zip(names, flags.tolist()) if bad), None)
            if first is not None:
                raise Diverged(first)
        elif names in self.flags:
            self.flags[names] |= flags
        else:
            self.flags[names] = flags.clone()  # a replayed update rewrites its own flags

    def raise_pending(self) -> None:
        """The deferred checks (one host sync): raise if any flagged."""
        if not self.flags:
            return
        names = [name for group in self.flags for name in group]
        flags = torch.cat(list(self.flags.values())).tolist()
        self.flags.clear()
        flagged = [name for name, bad in zip(names, flags) if bad]
        if flagged:
            raise Diverged(" and ".join(flagged))


def gradient_norm(parameters: list[nn.Parameter]) -> Tensor | None:
    """The gradients' global L2 norm (non-finite if any gradient is), None without gradients."""
    grads = [p.grad for p in parameters if p.grad is not None]
    return torch.nn.utils.get_total_norm(grads) if grads else None


def finite_weights(*nets: nn.Module) -> bool:
    """Whether every parameter and buffer of `nets` is finite (one host sync)."""
    tensors = [t for net in nets for t in (*net.parameters(), *net.buffers())
               if t.is_floating_point()]
    return bool(torch.stack([torch.isfinite(t).all() for t in tensors]).all()) if tensors else True
