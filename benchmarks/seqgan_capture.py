"""Rounds of SeqGAN's official discriminator schedule per second, eager and with D's steps
replayed as CUDA graphs (cuda_graphs=true), on the `seqgan-oracle` preset's nets.

A round is one set of 10,000 fresh negatives, 3 epochs of D steps over it (471 steps of 64 real
and 64 generated sequences) and one generator step with its 16 roll-outs; the preset's round
has 5 sets. MLE and D pre-training are skipped: only the speed of the game is measured, and
d_steps_per_second counts the round's generator step in its time.

    python benchmarks/seqgan_capture.py --device cuda
    python benchmarks/seqgan_capture.py --device cpu --rounds 1 data_options.n=640   # a dry run
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time

import torch

from gankit.config.load import load_config
from gankit.training.runs import start_run

SETTINGS = ["objective_options.mle_epochs=0", "objective_options.d_pretrain_epochs=0",
            "objective_options.d_negative_sets=1", "eval.every=0", "log.progress=false",
            "log.tensorboard=false", "log.sample_every=1000", "log.checkpoint_every=1000"]


def rounds_per_second(device: str, graphs: bool, rounds: int, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        config = load_config("seqgan-oracle", [f"device={device}", f"cuda_graphs={graphs}",
                                               *SETTINGS, *extra, f"out={folder}/run"])
        trainer = start_run(config)
        trainer.train_step()  # the first round: warm-up steps, recording, lazy set-ups
        synchronize(device)
        started = time.perf_counter()
        for _ in range(rounds):
            trainer.train_step()
        synchronize(device)
        seconds = (time.perf_counter() - started) / rounds
        d_steps = trainer.parts.objective.official.streams["negatives"].steps_per_set
    return {"device": device, "cuda_graphs": graphs, "precision": config.precision,
            "seconds_per_round": seconds, "d_steps_per_round": d_steps,
            "d_steps_per_second": d_steps / seconds}  # the G step counted in


def synchronize(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds per mode")
    parser.add_argument("overrides", nargs="*", metavar="key=value")
    args = parser.parse_args()
    rows = [rounds_per_second(args.device, graphs, args.rounds, args.overrides)
            for graphs in (False, True)]
    for row in rows:
        print(json.dumps(row))
    print(f"speed-up of the replayed round: "
          f"{rows[0]['seconds_per_round'] / rows[1]['seconds_per_round']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
