#!/bin/bash
# SeqGAN's Table 1 run with the official discriminator schedule (the `seqgan-oracle` preset: 3
# epochs on each of 5 fresh sets of 10,000 negatives, 2355 D steps, per generator step; 200
# generator steps) in one call on a lent GPU. This CPU needs about 0.33 s a D step (≈ 43 hours
# for the game's 471,000), and the run's checkpoint (90 MB: the 7M-weight CNN and its Adam
# moments) is over what a call can carry or bring back, so the run has to finish in one call.
#
#   benchmarks/device/stage.sh        # data, classifier and the oracle's parameters → .device/
#   run(command="bash benchmarks/device/seqgan.sh", carry=[".device"], timeout_s=600)
#
# The run is cut at TRAIN_LIMIT seconds (SIGTERM: gankit checkpoints and stops). Back in $OUT:
# seqgan.md (the benchmark's table, or where it stopped), seqgan-metrics.jsonl (NLL_oracle every 5
# steps, and the D steps per second, which say how long the whole run takes there),
# seqgan-tokens.npz (10,000 sequences sampled at the end) and seqgan-rescore.txt (those tokens
# scored again by `gankit eval --data oracle`, independently of training).
# Dry run on a CPU: DRY=1 bash benchmarks/device/seqgan.sh  (640 sequences, 2 generator steps).
set -u
cd "$(dirname "$0")/../.."
export PYTHONPATH=src GANKIT_DATA=$PWD/.device/data PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/gankit-device-out}
mkdir -p "$OUT"
TRAIN_LIMIT=${TRAIN_LIMIT:-540}
RUN=$(mktemp -d)/seqgan
if [ "${DRY:-0}" = 1 ]; then
  SETS=(device=cpu data_options.n=640 objective_options.mle_epochs=1
        objective_options.d_pretrain_epochs=1 objective_options.d_negative_sets=1 steps=2 eval.every=1)
else
  SETS=(device=cuda)
fi
nvidia-smi --query-gpu=name,memory.total --format=csv > "$OUT/seqgan.md" 2>/dev/null
python -c "import torch; print('torch', torch.__version__)" >> "$OUT/seqgan.md"

timeout -s TERM -k 60 "$TRAIN_LIMIT" python benchmarks/seqgan_oracle.py --out "$RUN" "${SETS[@]}" \
  >> "$OUT/seqgan.md" 2>&1
echo "benchmark exit code $?" >> "$OUT/seqgan.md"
cp "$RUN/metrics.jsonl" "$OUT/seqgan-metrics.jsonl" 2>/dev/null
if [ -f "$RUN/tokens.npz" ]; then
  cp "$RUN/tokens.npz" "$OUT/seqgan-tokens.npz"
  python -m gankit eval "$RUN/tokens.npz" --data oracle > "$OUT/seqgan-rescore.txt" 2>&1
fi
