"""Training speed: gankit's step against a plain eager PyTorch loop on the same nets, in one run.

For each net (infogan-28, dcgan-32, dcgan-64, mlp-2D), objective (ns; wgan-gp with its gradient
penalty and 5 critic steps; ebgan with its autoencoder critic), batch size and precision the
device computes natively: generator steps/s, samples/s, the achieved TFLOP/s (counted with
torch.utils.flop_counter on one step) beside the device's matrix-product peak measured here, and
the same for a plain loop (a hand-written step on the same nets and optimisers, data already on
the device), with gankit/plain as a ratio.

    python benchmarks/speed.py                    # CPU: batch 64, the 28x28 and 2D nets
    python benchmarks/speed.py --batch 64 1024 --nets infogan-28 dcgan-32 dcgan-64 mlp-2D
    python benchmarks/speed.py --jsonl benchmarks/results/speed-cpu.jsonl
    python benchmarks/speed.py --table-from benchmarks/results/speed-cpu.jsonl   # saved rows
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import torch
import torch.nn.functional as F
from saved_rows import add_table_arguments, read_rows
from torch.utils.flop_counter import FlopCounterMode

import gankit
from gankit.core.precision import autocast, native_bf16
from gankit.training.engine import Trainer

NETS = {  # label -> config overrides
    "infogan-28": {"data": "fashion-mnist", "net": "infogan", "z_dim": 64},
    "dcgan-32": {"data": "fashion-mnist", "data_options": {"image_size": 32}, "net": "dcgan",
                 "z_dim": 100},
    "dcgan-64": {"data": "fashion-mnist", "data_options": {"image_size": 64}, "net": "dcgan",
                 "z_dim": 100},
    "mlp-2D": {"data": "ring", "net": "mlp", "z_dim": 2},
}
# EBGAN without its pulling-away term: the plain loop below has none, and both must do the same
# work for their ratio to measure the engine alone.
OBJECTIVES = {"ns": {"objective": "ns"}, "wgan-gp": {"objective": "wgan-gp"},
              "ebgan": {"objective": "ebgan", "objective_options": {"pt_weight": 0.0}}}


def trainer_for(net: str, objective: str, batch: int, precision: str, device: str,
                out: Path) -> Trainer:
    overrides = {**NETS[net], **OBJECTIVES[objective], "batch_size": batch, "device": device,
                 "precision": precision, "steps": 10**6, "out": str(out),
                 "log": {"progress": False, "tensorboard": False}}
    if objective == "wgan-gp" and net != "mlp-2D":
        overrides["net_options"] = {"d_norm": "layer"}  # the paper's rule: no batch norm with GP
    return gankit.make_trainer(None, **overrides)


def timed(step: Callable[[], None], device: torch.device, seconds: float) -> float:
    """Steps per second of `step` over about `seconds`, after two warm-up steps."""
    for _ in range(2):
        step()
    sync(device)
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        step()
        count += 1
    sync(device)
    return count / (time.perf_counter() - started)


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def flops(step: Callable[[], None]) -> int | None:
    """FLOPs of one step; None where the counter cannot follow it (torch's FlopCounterMode
    fails on a double backward, as in gradient penalties)."""
    counter = FlopCounterMode(display=False)
    try:
        with counter:
            step()
    except RuntimeError:
        return None
    return counter.get_total_flops()


def plain_step(trainer: Trainer, objective: str) -> Callable[[], None]:
    """The same update a textbook loop writes, on the trainer's nets and optimisers."""
    p, config = trainer.parts, trainer.config
    device, batch, z_dim = p.device, config.batch_size, config.z_dim
    pool = torch.stack([p.data.sample(1, torch.Generator().manual_seed(i))[0]
                        for i in range(256)]).to(device)
    g_opt, d_opt = p.optimizers["g"], p.optimizers["d"]
    n_critic = config.n_critic

    def critic_losses(real, fake):
        if objective == "ebgan":
            e_real, e_fake = p.critic(real).energy, p.critic(fake).energy
            return e_real.mean() + F.relu(config.objective_options["margin"] - e_fake).mean()
        d_real, d_fake = p.critic(real).score, p.critic(fake).score
        if objective == "ns":
            return F.softplus(-d_real).mean() + F.softplus(d_fake).mean()
        alpha = torch.rand(batch, *[1] * (real.dim() - 1), device=device)
        mixed = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
        grad, = torch.autograd.grad(p.critic(mixed).score.sum(), mixed, create_graph=True)
        penalty = (grad.flatten(1).norm(dim=1) - 1).pow(2).mean()
        return d_fake.mean() - d_real.mean() + 10 * penalty

    def generator_loss(fake):
        out = p.critic(fake)
        if objective == "ebgan":
            return out.energy.mean()
        return F.softplus(-out.score).mean() if objective == "ns" else -out.score.mean()

    def step():
        with autocast(device, config.precision):
            for _ in range(n_critic):
                real = pool[torch.randint(len(pool), (batch,), device=device)]
                with torch.no_grad():
                    fake = p.generator(torch.randn(batch, z_dim, device=device))
                d_opt.zero_grad(set_to_none=True)
                critic_losses(real, fake).backward()
                d_opt.step()
            p.critic.requires_grad_(False)
            g_opt.zero_grad(set_to_none=True)
            generator_loss(p.generator(torch.randn(batch, z_dim, device=device))).backward()
            g_opt.step()
            p.critic.requires_grad_(True)

    return step


def matmul_peak(device: torch.device, dtype: torch.dtype) -> float:
    """TFLOP/s of a large square matrix product on this device."""
    size = 4096 if device.type == "cuda" else 1024
    a = torch.randn(size, size, device=device, dtype=dtype)
    b = torch.randn(size, size, device=device, dtype=dtype)
    rate = timed(lambda: a @ b, device, 1.0)
    return rate * 2 * size**3 / 1e12


def measure(net: str, objective: str, batch: int, precision: str, device: torch.device,
            seconds: float, root: Path) -> dict:
    out = root / f"{net}-{objective}-{batch}-{precision}"
    trainer = trainer_for(net, objective, batch, precision, device.type, out)
    gankit_step, plain = trainer.train_step, plain_step(trainer, objective)
    step_flops = flops(gankit_step)
    rates = {"gankit": timed(gankit_step, device, seconds),
             "plain": timed(plain, device, seconds)}
    row = {"net": net, "objective": objective, "batch": batch, "precision": precision,
           "gflop_per_step": None if step_flops is None else step_flops / 1e9}
    for name, rate in rates.items():
        row[f"{name}_steps_per_s"] = rate
        row[f"{name}_samples_per_s"] = rate * batch
        row[f"{name}_tflops"] = None if step_flops is None else rate * step_flops / 1e12
    row["ratio"] = rates["gankit"] / rates["plain"]
    return row


def precisions(device: torch.device) -> list[str]:
    return ["fp32", "bf16"] if native_bf16(device) else ["fp32"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--nets", nargs="+", choices=list(NETS), default=None)
    parser.add_argument("--objectives", nargs="+", choices=list(OBJECTIVES),
                        default=list(OBJECTIVES))
    parser.add_argument("--batch", type=int, nargs="+", default=None)
    parser.add_argument("--seconds", type=float, default=3.0, help="timing per cell")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--jsonl", type=Path, default=None)
    add_table_arguments(parser)
    args = parser.parse_args(argv)
    if args.table_from:
        print(table(read_rows(args.table_from)))
        return 0
    device = torch.device(args.device)
    cpu = device.type == "cpu"
    nets = args.nets or (["infogan-28", "mlp-2D"] if cpu else list(NETS))
    batches = args.batch or ([64] if cpu else [64, 1024])
    if args.threads:
        torch.set_num_threads(args.threads)
    peaks = {p: matmul_peak(device, torch.float32 if p == "fp32" else torch.bfloat16)
             for p in precisions(device)}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for net in nets:
            for objective in args.objectives:
                for batch in batches:
                    for precision in precisions(device):
                        row = measure(net, objective, batch, precision, device, args.seconds,
                                      Path(tmp))
                        row |= {"peak_tflops": peaks[precision], "device": describe(device),
                                "torch": torch.__version__, "threads": torch.get_num_threads()}
                        rows.append(row)
                        print(json.dumps(row), file=sys.stderr, flush=True)
                        if args.jsonl:
                            with args.jsonl.open("a") as handle:
                                handle.write(json.dumps(row) + "\n")
    command = " ".join(sys.argv[1:] if argv is None else argv)
    print(table(rows, f"python benchmarks/speed.py {command}"))
    return 0


def tflops(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def describe(device: torch.device) -> str:
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return f"{platform.processor() or platform.machine()} CPU"


def table(rows: list[dict], command: str | None = None) -> str:
    lines = [f"Command: {command.rstrip()}"] if command else []
    lines += [f"Device: {rows[0]['device']}, torch {rows[0]['torch']}, "
              f"{rows[0]['threads']} thread(s); matrix peak: "
              + ", ".join(f"{r['precision']} {r['peak_tflops']:.3g} TFLOP/s"
                          for r in {r['precision']: r for r in rows}.values()),
              ("| net | objective | batch | precision | gankit steps/s | samples/s | TFLOP/s | "
               "plain steps/s | gankit/plain |"),
              "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['net']} | {r['objective']} | {r['batch']} | {r['precision']} | "
                     f"{r['gankit_steps_per_s']:.1f} | {r['gankit_samples_per_s']:.0f} | "
                     f"{tflops(r['gankit_tflops'])} | {r['plain_steps_per_s']:.1f} | "
                     f"{r['ratio']:.2f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
