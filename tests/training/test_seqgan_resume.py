"""A SeqGAN run interrupted in its MLE phase, its D pre-training or mid-game and resumed ends
exactly where an uninterrupted one does: weights, optimisers (the MLE phase has its own), the
roll-out policy and the sets of negatives."""

import os
import signal

import pytest
import torch

from gankit.config.load import load_config
from gankit.training.checkpoints.files import read_checkpoint
from gankit.training.runs import resume_run, start_run

TINY = ["data=oracle", "data_options.random_init=true", "data_options.vocab=30",
        "data_options.hidden=6", "data_options.length=5", "data_options.n=40", "net=seqgan",
        "objective=seqgan", "z_dim=5", "batch_size=16", "net_options.filter_sizes=[1,2]",
        "net_options.filter_counts=[3,3]", "objective_options.mle_epochs=2",
        "objective_options.d_pretrain_epochs=1", "objective_options.rollouts=2", "n_critic=2",
        "steps=5", "log.every=2", "log.sample_every=100", "log.checkpoint_every=100",
        "log.progress=false", "log.tensorboard=false", "device=cpu"]


def state(trainer):
    p = trainer.parts
    named = {**{f"g.{k}": v for k, v in p.generator.state_dict().items()},
             **{f"d.{k}": v for k, v in p.critic.state_dict().items()},
             **{f"beta.{k}": v for k, v in p.objective.rollout.state_dict().items()}}
    return named, (p.optimizers["g"].state_dict(), p.optimizers["d"].state_dict(),
                   p.optimizers["mle"].state_dict())


def same(a, b):
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return torch.equal(a, b) if torch.is_tensor(a) else a == b


def interrupt_when(trainer, done):
    """A real Ctrl-C (SIGINT) right after the step where `done(trainer)` first holds."""
    original = trainer.train_step

    def step_then_interrupt():
        scalars = original()
        if done(trainer):
            os.kill(os.getpid(), signal.SIGINT)
        return scalars

    trainer.train_step = step_then_interrupt


OFFICIAL = ["objective_options.d_negative_sets=2", "objective_options.d_epochs=2"]


@pytest.mark.parametrize("where, extra", [("mle", []), ("game", []), ("game", OFFICIAL),
                                          ("pretrain_critic", OFFICIAL)])
def test_resume_matches_uninterrupted(tmp_path, where, extra):
    whole = start_run(load_config(None, TINY + extra + [f"out={tmp_path / 'whole'}"]))
    whole.fit()

    first = start_run(load_config(None, TINY + extra + [f"out={tmp_path / 'split'}"]))
    if where == "mle":
        interrupt_when(first, lambda t: t.state.runs["mle"] == 3)
    elif where == "pretrain_critic":  # mid-way through its first epoch over a set of negatives
        interrupt_when(first, lambda t: t.state.runs["pretrain_critic"] == 2)
    else:
        interrupt_when(first, lambda t: t.state.rounds == 2)
    first.fit()
    assert first.stopped_early
    payload = read_checkpoint(tmp_path / "split" / "checkpoints" / "last.pt")
    assert payload["data_kind"] == "tokens"
    assert bool(payload["objective"].get("rollout")) == (where == "game")
    assert bool(payload["objective"].get("pretrain_negatives")) == (extra == OFFICIAL)
    resumed = resume_run(tmp_path / "split")
    resumed.fit()
    assert resumed.state.rounds == whole.state.rounds == 5
    weights_a, optimisers_a = state(whole)
    weights_b, optimisers_b = state(resumed)
    assert same(weights_a, weights_b)
    assert same(optimisers_a, optimisers_b)
