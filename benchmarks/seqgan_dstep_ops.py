"""The operations one SeqGAN discriminator step issues (loss, backward, the optimiser's step) on
the `seqgan-oracle` preset's nets, counted with torch.profiler on the CPU, for the D step as it
was and as the preset now takes it.

On a GPU each operation is one or more kernels, and a replayed step of this small net is bound
by them (benchmarks/results/seqgan-oracle-gpu.md), so fewer operations is the CPU's proxy for a
faster replay; the CPU's own time per step is printed beside it (the stacked banks do ~3× the
arithmetic, slower here). Adam runs multi-tensor (`foreach`, CUDA's default) unless fused.

    python benchmarks/seqgan_dstep_ops.py
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import torch
from torch.profiler import ProfilerActivity, profile

from gankit.config.load import load_config
from gankit.core.step import StepBatch
from gankit.training.build import build_components

# label → (net_options.conv_banks, objective_options.d_batch, d_opt.fused)
VARIANTS = {
    "the preset on 2026-12-04": ("separate", "separate", False),
    "banks stacked": ("stacked", "separate", False),
    "stacked, one pass for real and fake": ("stacked", "joint", False),
    "stacked, one pass, fused Adam (seqgan.sh's run)": ("stacked", "joint", True),
}


def d_step(banks: str, d_batch: str, fused: bool) -> Callable[[], None]:
    config = load_config("seqgan-oracle", [
        "device=cpu", "precision=fp32", "data_options.random_init=true", "data_options.n=640",
        f"net_options.conv_banks={banks}", f"objective_options.d_batch={d_batch}",
        f"d_opt.fused={fused}"])
    parts = build_components(config)
    critic, optimizer, objective = parts.critic, parts.optimizers["d"], parts.objective
    if not fused:
        for group in optimizer.param_groups:
            group["foreach"] = True
    rng = torch.Generator().manual_seed(0)
    real, fake = (torch.randint(0, 5000, (64, 20), generator=rng)
                  for _ in range(2))

    def step() -> None:
        batch = StepBatch(critic=critic, real=real, fake=fake, z=real[:0], round=0, rng=rng)
        optimizer.zero_grad(set_to_none=True)
        objective.critic_loss(batch).total().backward()
        optimizer.step()

    return step


# operations that only make a view or change nothing here: no kernel on a GPU
VIEWS = {"detach", "narrow", "t", "numpy_T", "view", "reshape", "expand", "select", "slice",
         "unsqueeze", "squeeze", "permute", "unfold", "flatten", "to", "alias", "as_strided",
         "transpose", "split", "split_with_sizes", "matmul", "linear", "pad", "dropout"}


def operations(step: Callable[[], None]) -> int:
    """ATen operations called from outside ATen (Python, autograd's backward, the optimiser):
    views and wrappers (matmul, linear, pad, dropout) are looked through to the operations they
    call, and what an operation calls in turn is its own work."""
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        step()
    return sum(1 for e in prof.events() if computes(e) and not any(map(computes, ancestors(e))))


def computes(event: object) -> bool:
    name = event.name
    return name.startswith("aten::") and name[len("aten::"):] not in VIEWS


def ancestors(event: object) -> list:
    found, parent = [], event.cpu_parent
    while parent is not None:
        found.append(parent)
        parent = parent.cpu_parent
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed steps per variant")
    args = parser.parse_args()
    torch.set_num_threads(1)
    print("| D step | banks | d_batch | Adam | operations | CPU ms a step (1 thread) |")
    print("|---|---|---|---|---|---|")
    for label, (banks, d_batch, fused) in VARIANTS.items():
        step = d_step(banks, d_batch, fused)
        for _ in range(2):
            step()
        count = operations(step)
        started = time.process_time()
        for _ in range(args.repeats):
            step()
        ms = (time.process_time() - started) / args.repeats * 1000
        adam = "fused" if fused else "multi-tensor"
        print(f"| {label} | {banks} | {d_batch} | {adam} | {count} | {ms:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
