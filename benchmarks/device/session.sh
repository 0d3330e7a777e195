#!/bin/bash
# One prepared run for a lent GPU machine (DEVELOPERS.md: 15 device minutes a session, start
# included). Stage here first, then call the device tool once:
#
#   benchmarks/device/stage.sh        # Fashion-MNIST .gz files and the domain classifier → .device/
#   run(command="bash benchmarks/device/session.sh", carry=[".device"], timeout_s=600)
#
# 1. benchmarks/speed.py on CUDA, alone on the GPU (its numbers must not share the chip);
# 2. the Fashion-MNIST runs a CPU session could not finish (README): BEGAN's preset and its
#    batch-norm variant at 2e-4 to 18750 steps, and two papers' own settings, each to its own
#    end, all at once on the one GPU (they are small), each cut at TRAIN_LIMIT seconds.
# Results land in $OUT (at most 8 files come back): speed-cuda.jsonl, speed.md,
# fmnist-gpu.jsonl, fmnist.log, and the BEGAN metrics for its equilibrium plot.
# Dry run on a CPU: DRY=1 bash benchmarks/device/session.sh  (tiny sizes, device=cpu).
set -u
cd "$(dirname "$0")/../.."
export PYTHONPATH=src GANKIT_DATA=$PWD/.device/data GANKIT_CACHE=$PWD/.device/cache
OUT=${OUT:-/tmp/gankit-device-out}
mkdir -p "$OUT"
TRAIN_LIMIT=${TRAIN_LIMIT:-420}
ENTRIES=${ENTRIES:-"began-20ep began-compact-bn-20ep began-paper wgan-paper"}
if [ "${DRY:-0}" = 1 ]; then
  DEVICE=cpu SPEED="--device cpu --nets mlp-2D --objectives ns --seconds 0.2"
  SETS="steps=4 log.every=2" N=200 TRAIN_LIMIT=600  # MAGAN still pre-trains 2 epochs
else
  DEVICE=cuda SPEED="--device cuda --batch 64 1024 --seconds 1.5" SETS="" N=10000
fi
nvidia-smi --query-gpu=name,memory.total --format=csv 2>/dev/null > "$OUT/fmnist.log"

timeout -s KILL 240 python benchmarks/speed.py $SPEED --jsonl "$OUT/speed-cuda.jsonl" \
  > "$OUT/speed.md" 2>&1

pids=()
RUNS=$(mktemp -d)
for entry in $ENTRIES; do
  timeout -s KILL "$TRAIN_LIMIT" python benchmarks/fmnist.py --only "$entry" --full --n "$N" \
    --threads 1 --set device=$DEVICE $SETS --jsonl "$OUT/fmnist-gpu.jsonl" --keep "$RUNS" \
    >> "$OUT/fmnist.log" 2>&1 &
  pids+=($!)
done
wait "${pids[@]}"
for entry in began-20ep began-compact-bn-20ep; do
  [ -f "$RUNS/$entry/metrics.jsonl" ] && cp "$RUNS/$entry/metrics.jsonl" "$OUT/$entry-metrics.jsonl"
done
echo "done: $(wc -l < "$OUT/fmnist-gpu.jsonl" 2>/dev/null || echo 0) rows" >> "$OUT/fmnist.log"
