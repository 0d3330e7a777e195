#!/bin/bash
# SeqGAN's Table 1 run with the official discriminator schedule (the `seqgan-oracle` preset: 3
# epochs on each of 5 fresh sets of 10,000 negatives, 2355 D steps, per generator step; 200
# generator steps) on a lent GPU, MLE and D's steps replayed as CUDA graphs (cuda_graphs, set in
# the preset). This CPU needs about 0.33 s a D step (≈ 43 hours for the game's 471,000).
#
#   benchmarks/device/stage.sh        # data, classifier and the oracle's parameters → .device/
#   run(command="bash benchmarks/device/seqgan.sh", carry=[".device"], timeout_s=600)
#   run(command="DEADLINE=T-60 bash benchmarks/device/seqgan.sh", carry=[".device"], timeout_s=T)
#     at once, with T what the session's device time still allows
#
# The run's checkpoint (90 MB: the 7M-weight CNN and its Adam moments) is more than a call can
# carry or bring back, so the run lives in .device-run/ (git-ignored, not carried), which a warm
# machine keeps between calls: a call that finds a stopped run there resumes it. So call again
# within the machine's warm time (30 s) while the session's device time lasts.
#
# Each call cuts the run DEADLINE seconds after the script started (SIGTERM: gankit checkpoints
# and stops, and the benchmark still samples its tokens). When the run has finished and time is
# left, the CUDA tests of the recorded updates (tests/training/test_captured.py: replayed and
# eager steps train the same weights) and benchmarks/seqgan_capture.py (rounds per second,
# eager against replayed) run after it. Back in $OUT: seqgan.md (the benchmark's table or where
# it stopped, the tests, the speed rows), seqgan-metrics.jsonl (NLL_oracle every 5 steps, speed
# every 5 G steps), seqgan-tokens.npz (10,000 sequences sampled at the end or the stop) and
# seqgan-rescore.txt (those tokens scored again by `gankit eval --data oracle`, independently of
# training).
# Dry run on a CPU: DRY=1 bash benchmarks/device/seqgan.sh  (640 sequences, 2 generator steps;
# a second DRY=1 call finds the finished run; DRY=1 DEADLINE=20 stops it part-way).
set -u
cd "$(dirname "$0")/../.."
export PYTHONPATH=src GANKIT_DATA=$PWD/.device/data PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/gankit-device-out}
mkdir -p "$OUT"
START=$(date +%s)
DEADLINE=${DEADLINE:-540}  # seconds from the start by which the run must have been cut
left() { echo $((DEADLINE - $(date +%s) + START)); }
if [ "${DRY:-0}" = 1 ]; then
  RUN=.device-run/seqgan-dry DEVICE=cpu SPEED=(data_options.n=640)
  SETS=(device=cpu data_options.n=640 objective_options.mle_epochs=1
        objective_options.d_pretrain_epochs=1 objective_options.d_negative_sets=1 steps=2 eval.every=1)
else
  RUN=.device-run/seqgan DEVICE=cuda SPEED=()
  # TF32 matrix products (tf32=true); the paper's code ran fp32. D's banks stacked into one
  # matrix product: the separate ones bound a replayed step at 3.76 ms (results/seqgan-oracle-gpu.md)
  SETS=(device=cuda precision=fp32 "net_options.conv_banks=${BANKS:-stacked}")
fi
nvidia-smi --query-gpu=name,memory.total --format=csv > "$OUT/seqgan.md" 2>/dev/null
python3 -c "import torch; print('torch', torch.__version__)" >> "$OUT/seqgan.md"
date -u >> "$OUT/seqgan.md"

if [ -f "$RUN/benchmark.json" ]; then
  echo "resuming $RUN, cut after $(left) s" >> "$OUT/seqgan.md"
  ARGS=(--resume)
else
  rm -rf "$RUN"
  echo "a new run in $RUN, cut after $(left) s" >> "$OUT/seqgan.md"
  ARGS=("${SETS[@]}")
fi
timeout -s TERM -k 40 "$(left)" python3 benchmarks/seqgan_oracle.py --out "$RUN" "${ARGS[@]}" \
  >> "$OUT/seqgan.md" 2>&1
code=$?
echo "benchmark exit code $code" >> "$OUT/seqgan.md"
cp "$RUN/metrics.jsonl" "$OUT/seqgan-metrics.jsonl" 2>/dev/null
if [ -f "$RUN/tokens.npz" ]; then
  cp "$RUN/tokens.npz" "$OUT/seqgan-tokens.npz"
  python3 -m gankit eval "$RUN/tokens.npz" --data oracle > "$OUT/seqgan-rescore.txt" 2>&1
fi
[ "$code" = 0 ] || exit 0  # not finished: the next call resumes it

if [ "$(left)" -gt 30 ]; then
  timeout -s KILL "$(left)" python3 -m pytest -q -p no:cacheprovider tests/training/test_captured.py \
    >> "$OUT/seqgan.md" 2>&1
fi
for banks in stacked separate; do
  if [ "$(left)" -gt 30 ]; then
    timeout -s KILL "$(left)" python3 benchmarks/seqgan_capture.py --device $DEVICE --rounds 1 \
      precision=fp32 net_options.conv_banks=$banks "${SPEED[@]}" >> "$OUT/seqgan.md" 2>&1
  fi
done
