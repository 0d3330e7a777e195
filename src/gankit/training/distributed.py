"""Data parallel training under torchrun (`torchrun --nproc_per_node=N -m gankit train ...`).

Every process draws the whole batch from the same seeded streams and keeps its own slice of it
(`batch_size` is the global batch), so N processes see exactly the batches one process would.
The net an update trains runs through DistributedDataParallel, which averages its gradients
over the processes; the other net runs as it is. Only rank 0 writes, evaluates and checkpoints;
every rank reads checkpoints to resume. gloo on CPUs, NCCL on GPUs.

What still differs from one process: per-sample random draws inside a step (instance noise,
gradient-penalty interpolation) are drawn for the slice, not sliced from a global draw, and batch
norm sees per-process batches unless `sync_batchnorm=true` (CUDA only).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import torch
import torch.distributed as dist
from torch import Tensor, nn

from gankit.core.errors import GankitError


@dataclass(frozen=True)
class Processes:
    rank: int = 0
    world: int = 1
    local_rank: int = 0

    @property
    def main(self) -> bool:
        return self.rank == 0

    def shard(self, batch: Tensor) -> Tensor:
        """This process's slice of a global batch."""
        if self.world == 1:
            return batch
        size = len(batch) // self.world
        return batch[self.rank * size:(self.rank + 1) * size]


def processes() -> Processes:
    """This process's place among torchrun's (one process when WORLD_SIZE is unset)."""
    env = os.environ
    return Processes(int(env.get("RANK", 0)), int(env.get("WORLD_SIZE", 1)),
                     int(env.get("LOCAL_RANK", 0)))


def start(device: torch.device, batch_size: int) -> Processes:
    """Join the process group when there is more than one process."""
    procs = processes()
    if procs.world == 1:
        return procs
    if batch_size % procs.world:
        raise GankitError(f"batch_size={batch_size} must split evenly over {procs.world} "
                          f"processes")
    if not dist.is_initialized():
        if device.type == "cuda":
            torch.cuda.set_device(device)
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return procs


def local_device(device: torch.device) -> torch.device:
    """One GPU per process: cuda:LOCAL_RANK under torchrun."""
    procs = processes()
    if device.type == "cuda" and procs.world > 1 and device.index is None:
        return torch.device("cuda", procs.local_rank)
    return device


def wrap(net: nn.Module, device: torch.device) -> nn.Module:
    """`net` for the updates that train it: DistributedDataParallel over the processes."""
    if processes().world == 1:
        return net
    if not any(p.requires_grad for p in net.parameters()):
        return net
    ids = [device.index] if device.type == "cuda" else None
    return nn.parallel.DistributedDataParallel(net, device_ids=ids)


def convert_batchnorm(net: nn.Module, device: torch.device, sync: bool) -> nn.Module:
    if not sync or processes().world == 1:
        return net
    if device.type != "cuda":
        raise GankitError("sync_batchnorm=true needs CUDA; on CPUs leave it false")
    return nn.SyncBatchNorm.convert_sync_batchnorm(net)


def share(value: object) -> object:
    """Rank 0's `value` on every process (a run folder's path, or the error that stopped it)."""
    if processes().world == 1 or not dist.is_initialized():
        return value
    box = [value]
    dist.broadcast_object_list(box, src=0)
    return box[0]


def barrier() -> None:
    """Wait for every process (before reading a checkpoint rank 0 may be writing)."""
    if dist.is_initialized():
        dist.barrier()


def finish() -> None:
    if dist.is_initialized():
        dist.destroy_process_group()
