"""Image to image on Fashion-MNIST: for each task, the classical baseline, the autoencoder alone
(adversarial weight 0) and the autoencoder + GAN, scored on the same fixed test pairs.

Tasks (each a pair of presets: `<preset>` and its autoencoder variant):
- `edges`: edge maps → clothes (`pix2pix-edges-fashion-mnist`), and the same unpaired
  (`cyclegan-edges-fashion-mnist`: edges and clothes from disjoint halves of the training split,
  scored on the same test pairs); no classical baseline;
- `sr4`: ×4 super-resolution, 7×7 → 28×28 (`srgan-x4-fashion-mnist`); baseline: bicubic;
- `inpaint`: a centre 14×14 hole (`inpaint-fashion-mnist`); baseline: the hole filled with the
  mean of the image's known pixels.

Every row: PSNR and SSIM against the targets, sharpness (the outputs' mean gradient magnitude
over the targets', 1.0 for real images), L1 and PSNR inside the hole (inpainting), FID of the
outputs against the 10k test images and class agreement with the targets' classes (the domain
classifier), on the first `--pairs` test pairs; and CPU minutes of training.

    python benchmarks/image2image.py --tasks edges sr4 --seeds 1 --jsonl results.jsonl
    python benchmarks/image2image.py --table-from benchmarks/results/image2image.jsonl
Needs the classifier once: `gankit train-classifier --data fashion-mnist`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from machines import legend, letter
from saved_rows import add_table_arguments, read_rows

import gankit
from gankit.config.load import load_config
from gankit.data.pictures import images_hwc, picture
from gankit.metrics.evaluate import evaluate_samples
from gankit.metrics.paired import paired_scores
from gankit.nets.sampling import sample_generator
from gankit.training.build import heldout_source
from gankit.use.pairs import evaluate_pairs
from gankit.use.runs import open_generator
from gankit.viz.grid import save_png

PRESETS = {
    "edges": {"ae": "pix2pix-edges-ae-fashion-mnist", "gan": "pix2pix-edges-fashion-mnist",
              "cycle-ae": "cyclegan-edges-ae-fashion-mnist",
              "cyclegan": "cyclegan-edges-fashion-mnist"},
    "sr4": {"ae": "srgan-x4-ae-fashion-mnist", "gan": "srgan-x4-fashion-mnist"},
    "inpaint": {"ae": "inpaint-ae-fashion-mnist", "gan": "inpaint-fashion-mnist"},
}
TASKS = {task: presets["gan"] for task, presets in PRESETS.items()}
# ae-unpasted, gan-unpasted: rows of the inpainting presets before they pasted the known pixels
# and measured L2 in the hole alone (their L2 was over the whole image; commit 327b46a)
# gan-adv0.001: the inpainting preset with the context encoder's adversarial weight 0.001
MODELS = ["baseline", "ae", "gan", "gan-adv0.001", "ae-unpasted", "gan-unpasted", "cycle-ae",
          "cyclegan"]
TRAINED = ["ae", "gan", "cycle-ae", "cyclegan"]
COLUMNS = ("psnr", "ssim", "sharpness", "hole_l1", "hole_psnr", "fid", "class_agreement",
           "cpu_minutes")


def classical(task: str, sources: torch.Tensor, size: tuple[int, int]) -> torch.Tensor | None:
    """The classical answer: bicubic upsampling, or the hole filled with the known pixels' mean
    (none for edges)."""
    if task == "sr4":
        return F.interpolate(sources, size=size, mode="bicubic", align_corners=False).clamp(-1, 1)
    if task == "inpaint":
        hole, known = sources[:, -1:] > 0, sources[:, :-1]
        mean = (known * ~hole).sum((2, 3), keepdim=True) / (~hole).sum((2, 3), keepdim=True)
        return torch.where(hole, mean, known)
    return None


def baseline(task: str, n: int, seed: int) -> dict | None:
    targets, sources, labels = test_pairs(task, n)
    outputs = classical(task, sources, tuple(targets.shape[-2:]))
    if outputs is None:
        return None
    hole = sources[:, -1] > 0 if task == "inpaint" else None
    scores = paired_scores(outputs, targets, hole)
    realism = evaluate_samples(images_hwc(outputs), "fashion-mnist", n=n, seed=seed,
                               labels=labels.numpy())
    return {"task": task, "model": "baseline", "date": time.strftime("%Y-%m-%d"), **scores,
            **pick(realism)}


def trained(task: str, model: str, seed: int, n: int, steps: int | None,
            keep: Path | None) -> dict:
    preset = PRESETS[task][model]
    overrides = {"steps": steps} if steps else {}
    with tempfile.TemporaryDirectory() as tmp:
        out = (keep or Path(tmp)) / f"{preset}-seed{seed}"
        started = time.process_time()
        run = gankit.train(preset, out=str(out), seed=seed, device="cpu",
                           log__progress=False, log__tensorboard=False, **overrides)
        minutes = (time.process_time() - started) / 60
        loaded = open_generator(run, device="cpu")
        if loaded.step < loaded.config.steps:  # a Ctrl-C or SIGTERM stopped it: not its score
            raise SystemExit(f"{preset} stopped at step {loaded.step} of "
                             f"{loaded.config.steps}; not scored")
        result = evaluate_pairs(loaded, n, seed=0)
    return {"task": task, "model": model, "preset": preset, "seed": seed,
            "date": time.strftime("%Y-%m-%d"),
            "steps": loaded.step, "precision": loaded.config.precision, **pick(result),
            "cpu_minutes": round(minutes, 2)}


def test_pairs(task: str, n: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    return heldout_source(load_config(TASKS[task], [])).first_pairs(n)


def pictures(task: str, runs: Path, out: Path, n: int = 8) -> None:
    """One picture: rows of sources, the baseline, each model of the task (the autoencoder, the
    autoencoder + GAN, and for edges CycleGAN's two) and the targets, on the first n test pairs
    (the runs kept by --keep, seed 0)."""
    targets, sources, _ = test_pairs(task, n)
    shown = sources[:, :-1] if task == "inpaint" else sources
    rows = [F.interpolate(shown, size=tuple(targets.shape[-2:]), mode="nearest")]
    made = classical(task, sources, tuple(targets.shape[-2:]))
    rows += [made] if made is not None else []
    for preset in PRESETS[task].values():
        if (runs / f"{preset}-seed0").is_dir():
            loaded = open_generator(runs / f"{preset}-seed0", device="cpu")
            rows.append(sample_generator(loaded.generator, loaded.config.z_dim, n, 0, sources))
    rows.append(targets)
    save_png(picture(torch.cat(rows), columns=n), out, scale=2)


def pick(result: dict) -> dict:
    keep = (*COLUMNS, "extractor", "pairs", "n")
    return {k: v for k, v in result.items() if k in keep}


def table(rows: list[dict]) -> str:
    lines = []
    for task, preset in TASKS.items():
        mine = sorted((r for r in rows if r["task"] == task),
                      key=lambda r: (MODELS.index(r["model"]), r.get("seed", -1)))
        if not mine:
            continue
        shown = [c for c in COLUMNS if any(r.get(c) is not None for r in mine)]
        lines += [f"**{task}** ({preset})", "",
                  "| model | seed | machine | " + " | ".join(shown) + " |",
                  "|---|---|---|" + "---|" * len(shown)]
        for r in mine:
            cells = [format_cell(r.get(c)) for c in shown]
            lines.append(f"| {r['model']} | {r.get('seed', '–')} | "
                         f"{letter(r.get('extractor', ''))} | " + " | ".join(cells) + " |")
        lines.append("")
    lines.append(legend([r.get("extractor", "") for r in rows]))
    return "\n".join(lines).rstrip()


def targets(rows: list[dict]) -> str:
    """The issue's targets, each met or missed (means over the seeds behind each model)."""
    def mean(task: str, model: str, key: str) -> float | None:
        values = [r[key] for r in rows if r["task"] == task and r["model"] == model
                  and r.get(key) is not None]
        return sum(values) / len(values) if values else None

    def sharper(task: str) -> bool | None:
        ae, gan = mean(task, "ae", "sharpness"), mean(task, "gan", "sharpness")
        return None if ae is None or gan is None else abs(gan - 1) < abs(ae - 1)

    def ratio(task: str, key: str, low: str, high: str) -> float | None:
        a, b = mean(task, low, key), mean(task, high, key)
        return None if a is None or b is None else a / b

    def gap(task: str, key: str, high: str, low: str) -> float | None:
        a, b = mean(task, high, key), mean(task, low, key)
        return None if a is None or b is None else a - b

    checks = [
        ("sr4: autoencoder PSNR - bicubic PSNR >= 5 dB", gap("sr4", "psnr", "ae", "baseline"),
         lambda v: v >= 5),
        ("sr4: GAN FID / autoencoder FID <= 0.4", ratio("sr4", "fid", "gan", "ae"),
         lambda v: v <= 0.4),
        ("sr4: autoencoder PSNR - GAN PSNR <= 1.5 dB", gap("sr4", "psnr", "ae", "gan"),
         lambda v: v <= 1.5),
        *[(f"{t}: GAN FID / autoencoder FID < 1", ratio(t, "fid", "gan", "ae"),
           lambda v: v < 1) for t in TASKS],
        *[(f"{t}: GAN FID / autoencoder FID <= 0.5", ratio(t, "fid", "gan", "ae"),
           lambda v: v <= 0.5) for t in ("sr4", "inpaint")],
        *[(f"{t}: GAN sharpness closer to the targets' than the autoencoder's", sharper(t),
           bool) for t in TASKS],
        ("inpaint: GAN hole L1 / mean fill's <= 0.6", ratio("inpaint", "hole_l1", "gan",
                                                            "baseline"), lambda v: v <= 0.6),
        ("edges: GAN class agreement >= 0.88", mean("edges", "gan", "class_agreement"),
         lambda v: v >= 0.88),
        ("edges, unpaired: CycleGAN class agreement >= 0.75",
         mean("edges", "cyclegan", "class_agreement"), lambda v: v >= 0.75),
        ("edges, unpaired: CycleGAN FID / cycle terms alone FID < 1",
         ratio("edges", "fid", "cyclegan", "cycle-ae"), lambda v: v < 1),
    ]
    lines = ["| target | value | |", "|---|---|---|"]
    for name, value, passes in checks:
        if value is None:
            lines.append(f"| {name} | – | not measured |")
        else:
            shown = value if isinstance(value, bool) else format_cell(float(value))
            lines.append(f"| {name} | {shown} | {'met' if passes(value) else 'MISSED'} |")
    return "\n".join(lines)


def format_cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", nargs="+", choices=list(TASKS), default=list(TASKS))
    parser.add_argument("--models", nargs="+", choices=["baseline", *TRAINED],
                        default=["baseline", *TRAINED], help="those a task has are run")
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--pairs", type=int, default=2000, help="test pairs scored")
    parser.add_argument("--steps", type=int, default=None, help="override the presets' length")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="keep the runs here")
    parser.add_argument("--jsonl", type=Path, default=None, help="also append each row here")
    parser.add_argument("--pictures", type=Path, default=None, metavar="FOLDER",
                        help="train nothing: draw each task's picture from the runs kept in "
                             "--keep, into FOLDER/image2image-<task>.png")
    add_table_arguments(parser)
    args = parser.parse_args(argv)
    if args.table_from:
        rows = read_rows(args.table_from)
        print(table(rows) + "\n\nThe issue's targets (means over seeds):\n\n" + targets(rows))
        return 0
    torch.set_num_threads(args.threads)
    if args.pictures:
        for task in args.tasks:
            pictures(task, args.keep, args.pictures / f"image2image-{task}.png")
        return 0
    rows = []
    for task in args.tasks:
        for model in args.models:
            seeds = range(args.first_seed, args.first_seed + args.seeds)
            if model != "baseline" and model not in PRESETS[task]:
                continue
            for seed in ([0] if model == "baseline" else seeds):
                row = baseline(task, args.pairs, seed) if model == "baseline" else \
                    trained(task, model, seed, args.pairs, args.steps, args.keep)
                if row is None:
                    continue
                rows.append(row)
                print(json.dumps(row), flush=True)
                if args.jsonl:
                    with args.jsonl.open("a") as handle:
                        handle.write(json.dumps(row) + "\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
