import pytest
import torch

from gankit.core.errors import GankitError
from gankit.core.step import BeforeGame, TrainingPlan
from gankit.objectives import build_objective
from gankit.objectives.energy.base import PRETRAIN_PHASE

REAL = [[1.0, 0.0, 1.0], [3.0, 1.0, 0.0]]  # energies 1, 3
FAKE = [[4.0, 1.0, 0.0], [12.0, 0.0, 1.0]]  # energies 4, 12; orthogonal codes


def test_critic_loss_hinges_each_fake(energy):
    terms = build_objective("ebgan", {"margin": 10.0}).critic_loss(energy(REAL, FAKE))
    assert terms.losses["real"].item() == pytest.approx(2.0)
    assert terms.losses["fake"].item() == pytest.approx((6.0 + 0.0) / 2)  # [10-4]+, [10-12]+
    assert terms.stats["energy_fake"].item() == pytest.approx(8.0)


def test_generator_loss_with_pulling_away_term(energy):
    same_codes = [[4.0, 1.0, 1.0], [12.0, 2.0, 2.0]]  # parallel codes: f_PT = 1
    terms = build_objective("ebgan", {"pt_weight": 0.1}).generator_loss(energy(REAL, same_codes))
    assert terms.losses["adv"].item() == pytest.approx(8.0)
    assert terms.losses["pt"].item() == pytest.approx(0.1)
    orthogonal = build_objective("ebgan", {}).generator_loss(energy(REAL, FAKE))
    assert orthogonal.losses["pt"].item() == pytest.approx(0.0, abs=1e-7)


def test_without_pulling_away_the_term_is_only_logged(energy):
    same_codes = [[4.0, 1.0, 1.0], [12.0, 2.0, 2.0]]
    terms = build_objective("ebgan", {"pt_weight": 0}).generator_loss(energy(REAL, same_codes))
    assert set(terms.losses) == {"adv"}
    assert terms.stats["f_pt"].item() == pytest.approx(1.0)


def test_pulling_away_gradient_reaches_the_fakes(energy):
    batch = energy(REAL, [[4.0, 1.0, 0.5], [12.0, 0.5, 1.0]], fake_grad=True)
    build_objective("ebgan", {}).generator_loss(batch).total().backward()
    assert batch.fake.grad[:, 1:].abs().sum() > 0

PLAN = TrainingPlan(batch_size=64, steps=10)


def test_pretraining_phase_reconstructs_real_data_only(energy):
    objective = build_objective("ebgan", {"pretrain_critic_steps": 50})
    phase, *game = objective.schedule(PLAN)
    assert (phase.name, phase.when, phase.trains, phase.fake) == (
        PRETRAIN_PHASE, BeforeGame(50), "critic", False)
    assert phase.loss(energy(REAL, FAKE)).total().item() == pytest.approx(2.0)
    assert [e.name for e in game] == ["critic", "generator"]
    assert [e.name for e in build_objective("ebgan", {}).schedule(PLAN)] == ["critic", "generator"]


def test_paper_energy_is_the_euclidean_norm():
    spec = build_objective("ebgan", {}).critic_spec()
    assert (spec.kind, spec.energy) == ("autoencoder", "l2")


def test_needs_an_autoencoder_critic(batch):
    with pytest.raises(GankitError, match="autoencoder critic"):
        build_objective("ebgan", {}).critic_loss(batch([1.0], [2.0]))


@pytest.mark.parametrize("options", [{"margin": -1.0}, {"pt_weight": -0.1},
                                     {"pretrain_critic_steps": -5}])
def test_bad_options(options):
    with pytest.raises(GankitError, match="objective_options"):
        build_objective("ebgan", options)


def test_reconstruction_energies():
    from gankit.nets.energy import reconstruction_error

    x = torch.zeros(1, 4)
    recon = torch.tensor([[3.0, -4.0, 0.0, 0.0]])
    assert reconstruction_error(x, recon, "l2").item() == pytest.approx(5.0)
    assert reconstruction_error(x, recon, "sse").item() == pytest.approx(25.0)
    assert reconstruction_error(x, recon, "mse").item() == pytest.approx(25.0 / 4)
    assert reconstruction_error(x, recon, "l1").item() == pytest.approx(7.0 / 4)
