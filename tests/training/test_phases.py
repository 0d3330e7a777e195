"""Pre-training phases (EBGAN/MAGAN critic pre-training, MAGAN's margin estimate) run before the
game, are logged under their own names, and resume exactly, as does objective state (k_t, m)."""

import json
import os
import signal

import pytest
import torch

from gankit.config.load import load_config
from gankit.training.runs import resume_run, start_run

MAGAN = ["objective=magan", "objective_options.epoch_steps=2", "objective_options.pretrain_epochs=1.5"]
BEGAN = ["objective=began", "objective_options.lambda_k=0.1"]
EBGAN = ["objective=ebgan", "objective_options.pretrain_critic_steps=3", "objective_options.margin=0.5"]


def tiny(overrides, tmp_path, name, extra):
    base = [o for o in overrides if not o.startswith("out=")]
    return load_config(None, base + ["net_options.code_dim=1", "steps=8", f"out={tmp_path / name}",
                                     *extra])


def test_phases_run_before_the_game(tmp_path, tiny_ring_overrides):
    trainer = start_run(tiny(tiny_ring_overrides, tmp_path, "run", MAGAN))
    assert trainer.total_steps() == 3 + 2 + 8
    trainer.fit()
    assert {k: trainer.state.runs[k] for k in ("pretrain_critic", "margin_estimate")} == {
        "pretrain_critic": 3, "margin_estimate": 2}
    assert trainer.state.rounds == 8
    assert trainer.parts.objective.margin() > 0
    records = [json.loads(line) for line in (tmp_path / "run" / "metrics.jsonl").open()]
    assert any("pretrain_critic/energy_real" in r for r in records)
    assert any("margin_estimate/margin" in r for r in records)
    assert any("state/margin" in r for r in records)  # logged during the game


def test_measuring_phase_changes_no_weight(tmp_path, tiny_ring_overrides):
    trainer = start_run(tiny(tiny_ring_overrides, tmp_path, "run", MAGAN))
    for _ in range(3):
        trainer.train_step()
    before = {k: v.clone() for k, v in trainer.parts.critic.state_dict().items()}
    trainer.train_step()
    assert trainer.state.runs["margin_estimate"] == 1
    for key, value in trainer.parts.critic.state_dict().items():
        assert torch.equal(value, before[key]), key


def interrupt_after(trainer, done):
    original = trainer.train_step

    def step_then_interrupt():
        scalars = original()
        if trainer.steps_done() == done:
            os.kill(os.getpid(), signal.SIGINT)
        return scalars

    trainer.train_step = step_then_interrupt


@pytest.mark.parametrize("extra,stop_at", [(MAGAN, 2), (MAGAN, 4), (MAGAN, 9), (BEGAN, 5),
                                           (EBGAN, 2), (EBGAN, 6)])
def test_resume_matches_uninterrupted(tmp_path, tiny_ring_overrides, extra, stop_at):
    whole = start_run(tiny(tiny_ring_overrides, tmp_path, "whole", extra))
    whole.fit()
    split = start_run(tiny(tiny_ring_overrides, tmp_path, "split", extra))
    interrupt_after(split, stop_at)
    split.fit()
    assert split.stopped_early and split.steps_done() == stop_at
    resumed = resume_run(tmp_path / "split")
    assert resumed.steps_done() == stop_at
    assert resumed.parts.objective.state_dict() == split.parts.objective.state_dict()
    resumed.fit()
    assert resumed.parts.objective.state_dict() == whole.parts.objective.state_dict()
    for net in ("generator", "critic"):
        a = getattr(whole.parts, net).state_dict()
        b = getattr(resumed.parts, net).state_dict()
        for key in a:
            assert torch.equal(a[key], b[key]), (net, key)


@pytest.mark.parametrize("phase_every, saved", [(0, [1, 2, 3]), (2, [2, 3])])
def test_pre_training_checkpoints_at_its_own_interval(tmp_path, tiny_ring_overrides, phase_every,
                                                      saved):
    trainer = start_run(tiny(tiny_ring_overrides, tmp_path, "run", EBGAN + [
        "log.checkpoint_every=1", f"log.phase_checkpoint_every={phase_every}"]))
    saves, original = [], trainer.save

    def save():
        if trainer.state.rounds == 0:  # before the game; the first save is the run's step-0 one
            saves.append(trainer.state.runs["pretrain_critic"])
        original()

    trainer.save = save
    trainer.fit()
    assert saves == [0, *saved]


@pytest.mark.parametrize("phase_every, lines", [(0, [1, 2, 3]), (2, [2, 3])])
def test_pre_training_logs_scalars_at_its_own_interval(tmp_path, tiny_ring_overrides, phase_every,
                                                       lines):
    trainer = start_run(tiny(tiny_ring_overrides, tmp_path, "run", EBGAN + [
        "log.every=1", f"log.phase_every={phase_every}"]))
    trainer.fit()
    records = [json.loads(line) for line in (tmp_path / "run" / "metrics.jsonl").open()]
    phase = [r["step"] for r in records if "pretrain_critic/steps_per_s" in r]
    game = [r["step"] for r in records if "steps_per_s" in r]
    assert phase == lines and game == list(range(1, 9))  # the game keeps log.every
