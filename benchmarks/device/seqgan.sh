#!/bin/bash
# SeqGAN's Table 1 run with the official discriminator schedule (the `seqgan-oracle` preset: 3
# epochs on each of 5 fresh sets of 10,000 negatives, 2355 D steps, per generator step; 200
# generator steps) in one call on a lent GPU, D's steps replayed as CUDA graphs (cuda_graphs,
# set in the preset). This CPU needs about 0.33 s a D step (≈ 43 hours for the game's 471,000),
# and the run's checkpoint (90 MB: the 7M-weight CNN and its Adam moments) is over what a call
# can carry or bring back, so the run has to finish in one call.
#
#   benchmarks/device/stage.sh        # data, classifier and the oracle's parameters → .device/
#   run(command="bash benchmarks/device/seqgan.sh", carry=[".device"], timeout_s=600)
#
# First the CUDA tests of the recorded updates (tests/training/test_captured.py: replayed and
# eager D steps train the same weights) and benchmarks/seqgan_capture.py (rounds per second,
# eager against replayed, with D's convolution banks separate and stacked). Then the run, cut DEADLINE seconds after the script started (SIGTERM:
# gankit checkpoints and stops, and the benchmark still samples its tokens). Back in $OUT: seqgan.md (the tests,
# the speed rows, the benchmark's table or where it stopped), seqgan-metrics.jsonl (NLL_oracle
# every 5 steps), seqgan-tokens.npz (10,000 sequences sampled at the end) and
# seqgan-rescore.txt (those tokens scored again by `gankit eval --data oracle`, independently of
# training).
# Dry run on a CPU: DRY=1 bash benchmarks/device/seqgan.sh  (640 sequences, 2 generator steps).
set -u
cd "$(dirname "$0")/../.."
export PYTHONPATH=src GANKIT_DATA=$PWD/.device/data PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/gankit-device-out}
mkdir -p "$OUT"
START=$(date +%s)
DEADLINE=${DEADLINE:-530}  # seconds from the start by which the run must have been cut
RUN=$(mktemp -d)/seqgan
if [ "${DRY:-0}" = 1 ]; then
  DEVICE=cpu SPEED=(data_options.n=640)
  SETS=(device=cpu data_options.n=640 objective_options.mle_epochs=1
        objective_options.d_pretrain_epochs=1 objective_options.d_negative_sets=1 steps=2 eval.every=1)
else
  DEVICE=cuda SPEED=()
  # TF32 matrix products (tf32=true); the paper's code ran fp32. D's banks stacked into one
  # matrix product: the separate ones bound a replayed step at 3.76 ms (results/seqgan-oracle-gpu.md)
  SETS=(device=cuda precision=fp32 "net_options.conv_banks=${BANKS:-stacked}")
fi
nvidia-smi --query-gpu=name,memory.total --format=csv > "$OUT/seqgan.md" 2>/dev/null
python3 -c "import torch; print('torch', torch.__version__)" >> "$OUT/seqgan.md"
date -u >> "$OUT/seqgan.md"

timeout -s KILL 60 python3 -m pytest -q -p no:cacheprovider tests/training/test_captured.py \
  >> "$OUT/seqgan.md" 2>&1
for banks in separate stacked; do
  timeout -s KILL 75 python3 benchmarks/seqgan_capture.py --device $DEVICE --rounds 1 \
    precision=fp32 net_options.conv_banks=$banks "${SPEED[@]}" >> "$OUT/seqgan.md" 2>&1
done

TRAIN_LIMIT=$((DEADLINE - $(date +%s) + START))
echo "the run is cut after $TRAIN_LIMIT s" >> "$OUT/seqgan.md"
timeout -s TERM -k 40 "$TRAIN_LIMIT" python3 benchmarks/seqgan_oracle.py --out "$RUN" "${SETS[@]}" \
  >> "$OUT/seqgan.md" 2>&1
echo "benchmark exit code $?" >> "$OUT/seqgan.md"
cp "$RUN/metrics.jsonl" "$OUT/seqgan-metrics.jsonl" 2>/dev/null
if [ -f "$RUN/tokens.npz" ]; then
  cp "$RUN/tokens.npz" "$OUT/seqgan-tokens.npz"
  python3 -m gankit eval "$RUN/tokens.npz" --data oracle > "$OUT/seqgan-rescore.txt" 2>&1
fi
