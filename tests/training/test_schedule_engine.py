"""The engine runs any schedule: lazy penalties on exactly every k-th critic update with their
weight times k, critic counts that depend on the round (WGAN's reference rule), updates after
every k-th run of another, and data-less updates that draw nothing."""

import torch

from gankit.config.load import load_config
from gankit.core.step import Every, PerRound, Terms, Update, sum_parts
from gankit.objectives import wgan
from gankit.penalties import build_penalty
from gankit.training.build import build_components
from gankit.training.engine import Trainer
from gankit.training.run_dir import create_run_dir
from gankit.training.runs import start_run


def tiny(tiny_ring_overrides, *extra):
    return start_run(load_config(None, [*tiny_ring_overrides, *extra]))


def with_updates(tiny_ring_overrides, extra, *updates):
    """A tiny ns run whose schedule gains `updates` at the end."""
    config = load_config(None, [*tiny_ring_overrides, *extra])
    parts = build_components(config)
    parts.schedule = [*parts.schedule, *updates]
    return Trainer(parts, create_run_dir(config))


def same_states(a, b):
    return all(torch.equal(x, y) for x, y in zip(a, b))


def record_updates(trainer):
    """Log (update name, round, terms) for every update the engine runs."""
    seen, original = [], trainer.updates

    def spy(entry, done, round_index):
        terms = original(entry, done, round_index)
        seen.append((entry.name, trainer.state.rounds, terms))
        return terms

    trainer.updates = spy
    return seen


def test_a_lazy_penalty_runs_after_every_kth_critic_update_with_weight_times_k(
        tiny_ring_overrides):
    trainer = tiny(tiny_ring_overrides, "n_critic=3", "steps=6",
                   "penalties=[{name: r1, weight: 2.0, every: 4}]")
    assert [e.name for e in trainer.parts.schedule] == ["critic", "lazy_r1", "generator"]
    seen = record_updates(trainer)
    trainer.fit()
    names = [name for name, _, _ in seen]
    critic_runs = 0
    for i, name in enumerate(names):
        if name == "critic":
            critic_runs += 1
            follows = i + 1 < len(names) and names[i + 1] == "lazy_r1"
            assert follows == (critic_runs % 4 == 0), (critic_runs, names[i:i + 2])
    assert names.count("lazy_r1") == 18 // 4 and trainer.state.runs["lazy_r1"] == 4
    assert all("penalty/r1" not in terms.losses for name, _, terms in seen if name == "critic")


def test_the_lazy_term_is_the_penalty_times_weight_times_k(tiny_ring_overrides):
    trainer = tiny(tiny_ring_overrides, "penalties=[{name: r1, weight: 2.0, every: 4}]")
    lazy = next(e for e in trainer.parts.schedule if e.name == "lazy_r1")
    batch = trainer.updates.batch_for(lazy, {}, 0)
    expected = 2.0 * 4 * build_penalty("r1", {})(batch)
    assert torch.allclose(sum_parts(lazy.parts(), batch).losses["penalty"], expected)
    assert lazy.when == Every(4, "critic") and lazy.real == "last" and not lazy.fake


def test_an_eager_penalty_joins_every_critic_loss(tiny_ring_overrides):
    trainer = tiny(tiny_ring_overrides, "steps=2", "penalties=[{name: r1, weight: 2.0}]")
    seen = record_updates(trainer)
    trainer.fit()
    assert [e.name for e in trainer.parts.schedule] == ["critic", "generator"]
    assert all("penalty/r1" in terms.losses for name, _, terms in seen if name == "critic")


def test_wgan_reference_schedule_counts_critic_steps_per_generator_step(
        tiny_ring_overrides, monkeypatch):
    # The rule with small constants: bursts of 7 in rounds 0-1 and every 5th round.
    monkeypatch.setattr(wgan, "BURST_STEPS", 7)
    monkeypatch.setattr(wgan, "WARMUP_ROUNDS", 2)
    monkeypatch.setattr(wgan, "BURST_EVERY", 5)
    trainer = tiny(tiny_ring_overrides, "objective=wgan", "steps=12",
                   "objective_options.critic_schedule=reference", "n_critic=3")
    seen = record_updates(trainer)
    trainer.fit()
    per_round = [sum(1 for name, step, _ in seen if name == "critic" and step == r) for r in range(12)]
    assert per_round == [7, 7, 3, 3, 3, 7, 3, 3, 3, 3, 7, 3]
    assert [sum(1 for name, step, _ in seen if name == "generator" and step == r)
            for r in range(12)] == [1] * 12


def test_updates_follow_every_kth_run_and_data_less_updates_draw_nothing(tiny_ring_overrides):
    calls = []
    measure = Update("measure", "nothing", lambda b: calls.append(b.real.shape[0]) or Terms(),
                     Every(3, "generator"), real="none", fake=False)
    trainer = with_updates(tiny_ring_overrides, ["steps=7"], measure)
    states = []
    original = trainer.updates

    def spy(entry, done, round_index):
        before = (trainer.draws.data_rng.get_state(), trainer.draws.rng.get_state())
        terms = original(entry, done, round_index)
        if entry.name == "measure":
            states.append(same_states(before, (trainer.draws.data_rng.get_state(),
                                               trainer.draws.rng.get_state())))
        return terms

    trainer.updates = spy
    trainer.fit()
    assert trainer.state.runs["measure"] == 2 and calls == [0, 0]  # after generator updates 3 and 6
    assert states == [True, True]


def test_a_per_round_state_update_sees_the_rounds_terms(tiny_ring_overrides):
    seen = []
    state = Update("state", "nothing", lambda b: seen.append(sorted(b.done)) or Terms(),
                   PerRound(1), real="none", fake=False)
    trainer = with_updates(tiny_ring_overrides, ["steps=3", "n_critic=2"], state)
    trainer.fit()
    assert seen == [["critic", "generator"]] * 3
