"""Fingerprints of trained generators, to show that two versions of gankit train the same nets.

Trains each case through the public API on the CPU in fp32 with one thread, then prints (and
writes) a short SHA-256 of 2500 samples at seed 0 and of the final generator, critic and EMA
weights. Run it on two checkouts and compare the JSON files:

    PYTHONPATH=OLD/src python benchmarks/equivalence.py old.json
    PYTHONPATH=NEW/src python benchmarks/equivalence.py new.json
    python benchmarks/equivalence.py --compare old.json new.json

`--full` trains the ns, wgan-gp, ebgan, began and gan-qp ring presets at their full length;
the default is 18 short cases covering every objective, penalties (lazy too), EMA, instance
noise, the linear learning-rate decay, O-GAN (alternating and joint), AC-GAN and SeqGAN.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

import torch

import gankit
from gankit.training.checkpoints.files import read_checkpoint

QUIET = {"log__progress": False, "log__tensorboard": False, "device": "cpu", "seed": 0,
         "precision": "fp32"}
SMALL_RING = {"net_options": {"g_hidden": 32, "d_hidden": 32}, "batch_size": 32,
              "log__every": 10, "log__sample_every": 1000, "log__checkpoint_every": 1000}
TINY_ORACLE = {"data": "oracle", "net": "seqgan", "objective": "seqgan", "z_dim": 5,
               "data_options": {"random_init": True, "vocab": 30, "hidden": 6, "length": 5,
                                "n": 40},
               "net_options": {"filter_sizes": [1, 2], "filter_counts": [3, 3]},
               "objective_options": {"mle_epochs": 2, "d_pretrain_epochs": 1, "rollouts": 2},
               "batch_size": 16, "n_critic": 2, "steps": 5, "log__every": 2,
               "log__sample_every": 100, "log__checkpoint_every": 100}
SHORT = {
    "ns": ("ns-ring", {"steps": 150, "ema": 0.99}),
    "minimax": ("minimax-ring", {"steps": 150}),
    "lsgan": ("lsgan-ring", {"steps": 150}),
    "hinge": ("hinge-ring", {"steps": 60}),
    "wgan": ("wgan-ring", {"steps": 60, "objective_options": {"critic_schedule": "algorithm"}}),
    "wgan-gp": ("wgan-gp-ring", {"steps": 60, "instance_noise__std": 0.1,
                                 "lr_schedule": "linear"}),
    "ebgan": ("ebgan-ring", {"steps": 100, "objective_options": {"pretrain_critic_steps": 20}}),
    "began": ("began-ring", {"steps": 150}),
    "magan": ("magan-ring", {"steps": 250, "objective_options": {"pretrain_epochs": 0.3,
                                                                 "epoch_steps": 40}}),
    "loss-sensitive": ("loss-sensitive-ring", {"steps": 60}),
    "gan-qp": ("gan-qp-ring", {"steps": 100}),
    "ogan": ("gan-qp-ring", {"steps": 100, "z_dim": 4, "encoder__enabled": True}),
    "ns-r1": ("ns-ring", {"steps": 80, "penalties": [{"name": "r1", "weight": 1.0}]}),
    "ns-gp": ("ns-ring", {"steps": 80, "penalties": [{"name": "gp", "weight": 1.0},
                                                     {"name": "dragan", "weight": 1.0}]}),
    "ogan-joint": ("gan-qp-ring", {"steps": 60, "z_dim": 4, "n_critic": 1,
                                   "encoder__enabled": True, "encoder__update": "joint"}),
    "acgan": ("cgan-ring", {"steps": 80, "net_options": {"g_hidden": 32, "d_hidden": 32,
                                                        "conditioning": "acgan"},
                            "acgan_critic_fakes": False}),
    "ns-lazy-r1": ("ns-ring", {"steps": 60, "penalties": [{"name": "r1", "weight": 1.0,
                                                            "every": 4}]}),
    "seqgan": (None, TINY_ORACLE),
}
FULL = {name: (f"{name}-ring", {}) for name in ("ns", "wgan-gp", "ebgan", "began", "gan-qp")}


def digest(tensors: list[torch.Tensor]) -> str:
    flat = torch.cat([t.detach().flatten().float().cpu() for t in tensors])
    return hashlib.sha256(flat.numpy().tobytes()).hexdigest()[:16]


def fingerprint(name: str, preset: str | None, overrides: dict, full: bool, root: Path) -> dict:
    settings = {**QUIET, **({} if full or preset is None else SMALL_RING), **overrides}
    started = time.perf_counter()
    run = gankit.train(preset, out=str(root / name), **settings)
    payload = read_checkpoint(run / "checkpoints" / "last.pt")
    nets = {k: digest(list(payload[k].values())) for k in ("generator", "critic")}
    if payload.get("generator_ema"):
        nets["ema"] = digest(list(payload["generator_ema"].values()))
    classes = payload["fingerprint"].get("classes", 0)
    labels = [i % classes for i in range(2500)] if classes else None
    samples = gankit.sample(run, n=2500, seed=0, device="cpu", labels=labels)
    return {"samples": digest([samples]), **nets,
            "seconds": round(time.perf_counter() - started, 1)}


def compare(old: dict, new: dict) -> int:
    differ = 0
    for name, fingerprints in old.items():
        keys = [k for k in fingerprints if k != "seconds"]
        same = name in new and all(fingerprints[k] == new[name].get(k) for k in keys)
        differ += not same
        print(f"{name:16s} {'identical' if same else 'DIFFERENT'}")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="write the fingerprints here (JSON)")
    parser.add_argument("--full", action="store_true", help="the five ring presets at full length")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args()
    if args.compare:
        old, new = (json.loads(p.read_text()) for p in args.compare)
        return compare(old, new)
    torch.set_num_threads(1)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (preset, overrides) in (FULL if args.full else SHORT).items():
            results[name] = fingerprint(name, preset, overrides, args.full, Path(tmp))
            print(name, results[name], flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
