"""Updates replayed as CUDA graphs (cuda_graphs=true): only capturable updates on CUDA devices
are recorded, a CPU run is unchanged by the option, and on a GPU the replayed discriminator steps
train the same weights as eager ones (the CUDA tests run where a GPU is present)."""

import pytest
import torch

from gankit.config.load import load_config
from gankit.training.runs import start_run

# SeqGAN on a random oracle, tiny: D takes the official sets and epochs of negatives, so batches
# of two shapes (the last batch of an epoch is short) reach the recorded update.
TINY = ["data=oracle", "data_options.random_init=true", "data_options.vocab=30",
        "data_options.hidden=6", "data_options.length=5", "data_options.n=40", "net=seqgan",
        "objective=seqgan", "z_dim=5", "batch_size=16", "net_options.filter_sizes=[1,2]",
        "net_options.filter_counts=[3,3]", "objective_options.mle_epochs=1",
        "objective_options.d_pretrain_epochs=4", "objective_options.rollouts=2",
        "objective_options.d_negative_sets=2", "objective_options.d_epochs=2", "steps=4",
        "log.every=2", "log.sample_every=100", "log.checkpoint_every=100", "log.progress=false",
        "log.tensorboard=false", "eval.every=0"]
needs_cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")


def trained(tmp_path, name, extra):
    trainer = start_run(load_config(None, TINY + extra + [f"out={tmp_path / name}"]))
    trainer.fit()
    return trainer


def weights(trainer):
    return {k: v.detach().cpu() for k, v in trainer.parts.critic.state_dict().items()}


def test_only_capturable_updates_on_cuda_are_recorded(tmp_path):
    trainer = start_run(load_config(None, TINY + ["device=cpu", "cuda_graphs=true",
                                                  f"out={tmp_path / 'run'}"]))
    assert trainer.captured == {}  # a CPU has no graphs to replay
    capturable = {e.name for e in trainer.parts.schedule if e.capturable}
    assert capturable == {"pretrain_d", "d"}  # D's updates; MLE, G and the roll-outs stay eager


def test_the_option_changes_nothing_on_a_cpu(tmp_path):
    plain = trained(tmp_path, "plain", ["device=cpu"])
    graphs = trained(tmp_path, "graphs", ["device=cpu", "cuda_graphs=true"])
    a, b = weights(plain), weights(graphs)
    assert all(torch.equal(a[k], b[k]) for k in a)


@needs_cuda
def test_replayed_steps_train_the_weights_eager_steps_do(tmp_path):
    # no dropout: its masks come from different draws of the generator when replayed
    exact = ["device=cuda", "precision=fp32", "tf32=false", "net_options.dropout=0"]
    eager = trained(tmp_path, "eager", exact)
    graphs = trained(tmp_path, "graphs", exact + ["cuda_graphs=true"])
    recorded = graphs.captured["d"].recordings
    assert len(recorded) == 2  # full batches and the short last batch of each epoch
    a, b = weights(eager), weights(graphs)
    worst = max((a[k] - b[k]).abs().max().item() for k in a)
    assert worst < 1e-4, worst
    assert not torch.equal(a["head.weight"], weights(start_run(load_config(
        None, TINY + exact + [f"out={tmp_path / 'fresh'}"])))["head.weight"])  # D did train


@needs_cuda
def test_a_new_learning_rate_or_a_loaded_checkpoint_records_again(tmp_path):
    trainer = trained(tmp_path, "run", ["device=cuda", "cuda_graphs=true"])
    captured = trainer.captured["d"]
    old = {key: recording.graph for key, recording in captured.recordings.items()}
    trainer.config.d_opt.lr /= 2  # the next round's learning rate
    trainer.train_step()
    assert captured.recordings and all(r.lrs == captured.lrs() == [trainer.config.d_opt.lr]
                                       for r in captured.recordings.values())
    assert all(r.graph is not old.get(key) for key, r in captured.recordings.items())
    trainer.load_state_dict(trainer.state_dict())
    assert captured.recordings == {}
