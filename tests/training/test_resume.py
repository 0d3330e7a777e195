"""An interrupted and resumed run ends with exactly the weights of an uninterrupted one."""

import os
import signal
from pathlib import Path

import pytest
import torch

from gankit.cli.main import main
from gankit.config.load import load_config, load_run_config
from gankit.objectives import wgan
from gankit.training.checkpoints.files import read_checkpoint
from gankit.training.runs import resume_run, start_run


def _final_state(trainer):
    return {**{f"g.{k}": v for k, v in trainer.parts.generator.state_dict().items()},
            **{f"d.{k}": v for k, v in trainer.parts.critic.state_dict().items()}}


def _assert_same(a, b):
    assert a.keys() == b.keys()
    for key in a:
        assert torch.equal(a[key], b[key]), key


@pytest.mark.parametrize("extra", [
    ["objective=ns", "ema=0.9"],
    ["objective=wgan-gp", "instance_noise.std=0.1", "lr_schedule=linear"],
    ["objective=wgan"],
    ["objective=ns", "n_critic=2", "penalties=[{name: r1, weight: 1.0, every: 3}]"],
    ["objective=gan-qp", "wrappers.ogan.weight=0.5", "z_dim=4"],
])
def test_resume_matches_uninterrupted(tmp_path, tiny_ring_overrides, extra):
    base = [o for o in tiny_ring_overrides if not o.startswith("out=")] + extra
    whole = start_run(load_config(None, base + ["steps=12", f"out={tmp_path / 'whole'}"]))
    whole.fit()

    first = start_run(load_config(None, base + ["steps=12", f"out={tmp_path / 'split'}"]))
    interrupt_at(first, 7)
    first.fit()
    resumed = resume_run(tmp_path / "split")
    assert resumed.state.rounds == 7
    resumed.fit()
    assert resumed.state.rounds == 12
    _assert_same(_final_state(whole), _final_state(resumed))
    if whole.parts.ema is not None:
        _assert_same(whole.parts.ema.model.state_dict(), resumed.parts.ema.model.state_dict())


def test_resume_keeps_a_round_dependent_critic_schedule(tmp_path, tiny_ring_overrides,
                                                       monkeypatch):
    monkeypatch.setattr(wgan, "BURST_STEPS", 9)  # the reference rule, with fewer critic steps
    test_resume_matches_uninterrupted(tmp_path, tiny_ring_overrides,
                                      ["objective=wgan", "objective_options.critic_schedule=reference"])


def interrupt_at(trainer, step):
    """Send a real Ctrl-C (SIGINT) to this process right after `step`."""
    original = trainer.train_step

    def step_then_interrupt():
        scalars = original()
        if trainer.state.rounds == step:
            os.kill(os.getpid(), signal.SIGINT)
        return scalars

    trainer.train_step = step_then_interrupt


def test_stop_request_saves_and_resumes(tmp_path, tiny_ring_overrides):
    config = load_config(None, tiny_ring_overrides + ["steps=10"])
    trainer = start_run(config)
    interrupt_at(trainer, 4)
    trainer.fit()
    assert trainer.stopped_early and trainer.state.rounds == 4
    assert resume_run(config.out).state.rounds == 4


def test_an_extension_survives_an_interrupted_resume(tmp_path, tiny_ring_overrides):
    """steps=N on --resume is the run's new length for every later resume (issue: the extension
    was lost when the extended run was interrupted)."""
    config = load_config(None, tiny_ring_overrides + ["steps=6"])
    start_run(config).fit()
    extended = resume_run(config.out, ["steps=14"])
    interrupt_at(extended, 9)
    extended.fit()
    assert extended.stopped_early and extended.state.rounds == 9
    assert load_run_config(Path(config.out), []).steps == 14
    assert read_checkpoint(Path(config.out) / "checkpoints" / "last.pt")["steps"] == 14
    again = resume_run(config.out)
    again.fit()
    assert again.state.rounds == 14


def test_an_extension_is_recorded_before_the_first_step(tmp_path, tiny_ring_overrides):
    """A resume killed before it saved anything (kill -9) still continues to the new length."""
    config = load_config(None, tiny_ring_overrides + ["steps=6"])
    start_run(config).fit()
    resume_run(config.out, ["steps=10"])  # then killed: no step, no checkpoint
    again = resume_run(config.out)
    assert again.config.steps == 10
    again.fit()
    assert again.state.rounds == 10


def test_cli_says_where_a_resume_continues(tmp_path, tiny_ring_overrides, capsys):
    config = load_config(None, tiny_ring_overrides + ["steps=4"])
    start_run(config).fit()
    assert main(["train", "--resume", config.out, "steps=6"]) == 0
    assert "continuing from step 4 of 6" in capsys.readouterr().err


def test_a_checkpoint_without_an_average_starts_it_from_the_restored_generator(
        tmp_path, tiny_ring_overrides):
    plain = start_run(load_config(None, tiny_ring_overrides + ["steps=6"]))
    plain.fit()
    state = plain.state_dict()
    assert state["generator_ema"] is None
    averaged = start_run(load_config(None, [o for o in tiny_ring_overrides if not o.startswith("out=")]
                                     + ["steps=6", "ema=0.999", f"out={tmp_path / 'ema'}"]))
    averaged.load_state_dict(state)
    _assert_same(averaged.parts.ema.model.state_dict(), plain.parts.generator.state_dict())
