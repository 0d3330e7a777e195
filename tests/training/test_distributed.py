"""torchrun data parallel on the CPU (gloo): two processes at global batch B train the same
generator as one process at batch B, and a two-process run resumes."""

import os
import shutil
import subprocess
import sys
import warnings

import pytest
import torch

from gankit.training.checkpoints.files import read_checkpoint
from gankit.training.checkpoints.store import CheckpointStore

TINY = ["ns-ring", "batch_size=16", "net_options.g_hidden=16", "net_options.d_hidden=16",
        "log.progress=false", "log.tensorboard=false", "device=cpu", "precision=fp32",
        "log.every=5", "log.checkpoint_every=10"]
ENV = {**os.environ, "OMP_NUM_THREADS": "1"}


def gankit(*args, processes=1):
    if processes == 1:
        command = [sys.executable, "-m", "gankit", *args]
    else:
        command = [sys.executable, "-m", "torch.distributed.run", "--standalone",
                   f"--nproc_per_node={processes}", "-m", "gankit", *args]
    done = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=300,
                          check=False)
    if done.returncode != 0 and processes > 1:
        # a multi-process launch failed once in ~10 full-suite runs on a loaded 2-core machine
        # and never alone; launch once more, and report the first failure as a warning
        warnings.warn(f"torchrun failed once, retried: {done.stderr[-2000:]}", stacklevel=2)
        for arg in args:  # a fresh run starts again from nothing; a resume resumes again
            if arg.startswith("out="):
                shutil.rmtree(arg[4:], ignore_errors=True)
        done = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=300,
                              check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr


def generator(run):
    return read_checkpoint(CheckpointStore(run / "checkpoints").newest())["generator"]


def max_difference(a, b):
    return max(float((a[k] - b[k]).abs().max()) for k in a)


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    run = tmp_path_factory.mktemp("dp") / "one"
    gankit("train", *TINY, "steps=20", f"out={run}")
    return run


def test_two_processes_train_the_generator_one_process_trains(one_process, tmp_path):
    err = gankit("train", *TINY, "steps=20", f"out={tmp_path / 'two'}", processes=2)
    assert "data parallel over 2 processes: global batch 16 (8 per process)" in err
    assert err.count("run directory") == 1  # rank 0 speaks, and writes
    assert max_difference(generator(one_process), generator(tmp_path / "two")) < 1e-5


def test_a_two_process_run_resumes(one_process, tmp_path):
    run = tmp_path / "two"
    gankit("train", *TINY, "steps=10", f"out={run}", processes=2)
    gankit("train", "--resume", str(run), "steps=20", processes=2)
    assert read_checkpoint(CheckpointStore(run / "checkpoints").newest())["step"] == 20
    assert max_difference(generator(one_process), generator(run)) < 1e-5


def test_batch_must_split_evenly(tmp_path):
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone",
               "--nproc_per_node=2", "-m", "gankit", "train", *TINY, "batch_size=15",
               f"out={tmp_path / 'r'}"]
    done = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=300,
                          check=False)
    assert done.returncode != 0 and "must split evenly over 2 processes" in done.stderr


def test_sync_batchnorm_needs_cuda(tmp_path, monkeypatch):
    from gankit.core.errors import GankitError
    from gankit.training import distributed

    monkeypatch.setattr(distributed, "processes", lambda: distributed.Processes(0, 2, 0))
    with pytest.raises(GankitError, match="sync_batchnorm=true needs CUDA"):
        distributed.convert_batchnorm(torch.nn.BatchNorm1d(2), torch.device("cpu"), True)
