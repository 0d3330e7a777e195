#!/bin/bash
# Copies what benchmarks/device/session.sh and seqgan.sh need on the device machine into .device/
# (git-ignored, sent with the run's `carry`, at most 64 MiB): the Fashion-MNIST files, the domain
# classifier and SeqGAN's oracle parameters, so nothing is downloaded or retrained there (the
# classifier's real-data statistics are recomputed there).
set -eu
cd "$(dirname "$0")/../.."
rm -rf .device
mkdir -p .device/data/fashion-mnist .device/cache
cp /usr/share/datasets/fashion-mnist/*.gz .device/data/fashion-mnist/
cp -r "${GANKIT_CACHE:-$HOME/.cache/gankit}/classifiers" .device/cache/
cp "${ORACLE_PARAMS:-../shared/data/seqgan_oracle_params.npz}" .device/data/
du -sh .device
