"""When the trainer logs, previews, checkpoints and evaluates: every so many rounds in the game,
on a pre-training update's own step count before it (and at its end)."""

from gankit.config.schema import LogConfig
from gankit.core.step import BeforeGame, Terms, Update
from gankit.training.cadence import Cadence, Due

LOG = LogConfig(every=10, sample_every=20, checkpoint_every=30)


def test_in_the_game_each_on_its_own_interval():
    cadence = Cadence(LOG, evaluation_due=lambda rounds: rounds % 25 == 0)
    assert cadence.after_round(7) == Due()
    assert cadence.after_round(10) == Due(flush=True)
    assert cadence.after_round(20) == Due(flush=True, preview=True)
    assert cadence.after_round(25) == Due(evaluate=True)
    assert cadence.after_round(60) == Due(flush=True, preview=True, save=True)


def pretraining(trains="critic", eval_every=0):
    return Update("pretrain", trains, lambda b: Terms(), BeforeGame(45), eval_every=eval_every)


def test_before_the_game_on_the_updates_own_steps_and_at_its_end():
    cadence = Cadence(LOG, evaluation_due=lambda rounds: True)
    assert cadence.after_phase_step(pretraining(), 7) == Due()
    assert cadence.after_phase_step(pretraining(), 10) == Due(flush=True)
    assert cadence.after_phase_step(pretraining(), 30) == Due(flush=True, save=True)
    assert cadence.after_phase_step(pretraining(), 45) == Due(flush=True, save=True)  # its end


def test_phase_settings_take_precedence_and_only_a_generator_is_evaluated():
    log = LogConfig(every=10, checkpoint_every=30, phase_every=4, phase_checkpoint_every=6)
    cadence = Cadence(log, evaluation_due=lambda rounds: False)
    assert cadence.after_phase_step(pretraining(), 12) == Due(flush=True, save=True)
    assert cadence.after_phase_step(pretraining("generator", eval_every=5), 5) == Due(
        evaluate=True)
    assert cadence.after_phase_step(pretraining("critic", eval_every=5), 5) == Due()
