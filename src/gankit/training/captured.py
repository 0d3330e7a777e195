"""Updates replayed as CUDA graphs. A small net's step on a GPU is hundreds of kernel launches
that each take longer to issue than to run; recorded once as a CUDA graph, the whole step (loss,
backward, optimiser steps) is one launch.

Each shape of batch gets its own graph, recorded after a few eager steps of that shape on a side
stream (they are real training steps). The batch's tensors are copied into the graph's own
inputs before each replay. A graph is dropped and recorded again when a learning rate changes (the
optimiser reads it as a number at recording time) and after the optimiser's state is replaced (a
checkpoint loaded). A capture that fails leaves the update eager, with one warning.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Callable
from typing import Any

import torch
from torch import Tensor, nn

from gankit.core.step import StepBatch, Terms

WARMUP = 3  # eager steps of a new batch shape before it is recorded
INPUTS = ("real", "fake", "z", "condition_real", "condition_fake")  # what a batch brings to a step

# loss, backward and optimiser steps; the step's divergence flags (DivergenceGuard.step_flags)
StepFn = Callable[[StepBatch], tuple[Terms, Tensor]]


@dataclasses.dataclass
class Recording:
    graph: torch.cuda.CUDAGraph
    inputs: StepBatch  # the tensors each replay reads
    names: tuple[list[str], list[str]]  # the terms' loss and statistic names
    values: Tensor  # what each replay writes: the terms' values, in that order (float32)
    flags: Tensor  # and the step's divergence flags
    grads: list[Tensor | None]  # the gradients it writes, one per parameter
    lrs: list[float]


class CapturedUpdate:
    """One schedule entry's update, recorded per batch shape and replayed."""

    def __init__(self, name: str, optimizers: list[torch.optim.Optimizer],
                 params: list[nn.Parameter]) -> None:
        self.name, self.optimizers, self.params = name, optimizers, params
        self.recordings: dict[tuple, Recording] = {}
        self.warm: dict[tuple, int] = {}
        self.failed = False
        self.stream: torch.cuda.Stream | None = None

    def __call__(self, batch: StepBatch, step: StepFn) -> tuple[Terms, Tensor]:
        key = shapes(batch)
        recording = self.recordings.get(key)
        if recording is not None and recording.lrs != self.lrs():
            self.reset()
            recording = None
        if recording is not None:
            return self.replay(recording, batch)
        if self.failed:
            return step(batch)
        if self.warm.get(key, 0) < WARMUP:
            self.warm[key] = self.warm.get(key, 0) + 1
            return self.on_side_stream(step, batch)
        recording = self.record(key, batch, step)
        return self.replay(recording, batch) if recording else step(batch)

    def reset(self) -> None:
        """Forget every graph (the optimiser's state or a learning rate changed)."""
        self.recordings.clear()
        self.warm.clear()

    def lrs(self) -> list[float]:
        return [float(g["lr"]) for o in self.optimizers for g in o.param_groups]

    def on_side_stream(self, step: StepFn, batch: StepBatch) -> tuple[Terms, Tensor]:
        self.stream = self.stream or torch.cuda.Stream()
        self.stream.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(self.stream):
            done = step(batch)
        torch.cuda.current_stream().wait_stream(self.stream)
        return done

    def record(self, key: tuple, batch: StepBatch, step: StepFn) -> Recording | None:
        inputs = dataclasses.replace(batch, outputs={}, done={}, **{
            name: getattr(batch, name).clone() for name in INPUTS
            if getattr(batch, name) is not None})
        for optimizer in self.optimizers:
            make_capturable(optimizer)
        torch.cuda.synchronize()
        graph = torch.cuda.CUDAGraph()
        try:
            with torch.cuda.graph(graph):
                terms, flags = step(inputs)
                values = packed(terms)
        except Exception as error:  # noqa: BLE001 - any failure to record means "stay eager"
            self.failed = True
            warnings.warn(f"update {self.name} could not be recorded as a CUDA graph "
                          f"({type(error).__name__}: {error}); it runs eagerly", stacklevel=2)
            for optimizer in self.optimizers:
                optimizer.zero_grad(set_to_none=True)
            return None
        names = (list(terms.losses), list(terms.stats))
        recording = Recording(graph, inputs, names, values, flags, [p.grad for p in self.params],
                              self.lrs())
        self.recordings[key] = recording
        return recording

    def replay(self, recording: Recording, batch: StepBatch) -> tuple[Terms, Tensor]:
        for name in INPUTS:
            mine = getattr(recording.inputs, name)
            if mine is not None:
                mine.copy_(getattr(batch, name))
        for param, grad in zip(self.params, recording.grads):
            param.grad = grad  # what the replay writes, for the checks that read gradients
        recording.graph.replay()
        return unpacked(recording.values.clone(), recording.names), recording.flags


def packed(terms: Terms) -> Tensor:
    """The terms' values in one tensor, so a replay's outputs are one copy rather than one
    kernel each."""
    values = [*terms.losses.values(), *terms.stats.values()]
    return torch.stack([v.detach().float() for v in values]) if values else torch.zeros(0)


def unpacked(values: Tensor, names: tuple[list[str], list[str]]) -> Terms:
    losses, stats = names
    return Terms(dict(zip(losses, values[:len(losses)])),
                 dict(zip(stats, values[len(losses):])))


def shapes(batch: StepBatch) -> tuple:
    tensors = (getattr(batch, name) for name in INPUTS)
    return tuple(None if t is None else (t.shape, t.dtype) for t in tensors)


def make_capturable(optimizer: torch.optim.Optimizer) -> None:
    """Optimisers whose step counts live on the device (Adam's and others' `capturable`)."""
    for group in optimizer.param_groups:
        if "capturable" in group:
            group["capturable"] = True
    device = next((p.device for g in optimizer.param_groups for p in g["params"]), None)
    for state in optimizer.state.values():
        step: Any = state.get("step")
        if isinstance(step, Tensor) and step.device != device:
            state["step"] = step.to(device)


def captured_updates(entries: list[Any], optimizers: dict[str, torch.optim.Optimizer],
                     params: dict[str, list[nn.Parameter]], enabled: bool,
                     device: torch.device) -> dict[str, CapturedUpdate]:
    """A CapturedUpdate for each capturable entry, when `enabled` on a CUDA device."""
    if not enabled or device.type != "cuda":
        return {}
    captured = {}
    for entry in entries:
        if entry.capturable and entry.trains != "nothing":
            nets = [p for net in entry.trained() for p in params[net]]
            captured[entry.name] = CapturedUpdate(
                entry.name, [optimizers[n] for n in entry.optimizer_names()], nets)
    return captured
