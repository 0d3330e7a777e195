import pytest
import torch

from gankit.core.errors import GankitError
from gankit.objectives import build_objective

REAL = [[3.0, 1.0], [1.0, 0.0]]
FAKE = [[1.0, 0.0], [2.0, 2.0]]


def test_quadratic_term_by_hand(paired):
    terms = build_objective("gan-qp", {"scale": 10.0}).critic_loss(paired(REAL, FAKE))
    # dT = [2, -1]; L1 mean distance: pair 0 (2+1)/2 = 1.5, pair 1 (1+2)/2 = 1.5.
    assert terms.losses["gap"].item() == pytest.approx(-0.5)
    expected = (4 / (2 * 10 * 1.5) + 1 / (2 * 10 * 1.5)) / 2
    assert terms.losses["quadratic"].item() == pytest.approx(expected)


def test_l2_distance_is_the_root_mean_square(paired):
    terms = build_objective("gan-qp", {"scale": 1.0, "distance": "l2"}).critic_loss(
        paired([[3.0, 4.0]], [[0.0, 0.0]]))
    rms = ((9 + 16) / 2) ** 0.5
    assert terms.losses["quadratic"].item() == pytest.approx(9 / (2 * rms))


def test_critic_optimum_is_lambda_times_distance(paired):
    # -dT + dT^2 / (2 lambda d) is stationary at dT = lambda d (here lambda 2, d = 1.5).
    objective = build_objective("gan-qp", {"scale": 2.0})
    batch = paired([[0.0, 1.0]], [[2.0, 0.0]])
    d_real = torch.tensor([3.0], requires_grad=True)
    objective.critic_terms(d_real, torch.tensor([0.0]), batch).total().backward()
    assert d_real.grad.item() == pytest.approx(0.0, abs=1e-6)


def test_generator_loss_is_the_score_gap(paired):
    terms = build_objective("gan-qp", {}).generator_loss(paired(REAL, FAKE))
    assert terms.losses["adv"].item() == pytest.approx(((3 - 1) + (1 - 2)) / 2)


def test_generator_gradient_only_through_the_fakes(paired):
    batch = paired(REAL, FAKE)
    batch.fake.requires_grad_(True)
    batch.real.requires_grad_(True)
    build_objective("gan-qp", {}).generator_loss(batch).total().backward()
    assert batch.real.grad is None
    assert batch.fake.grad[:, 0].tolist() == pytest.approx([-0.5, -0.5])


def test_paper_training_defaults():
    from gankit.objectives import objective_facts

    defaults = objective_facts("gan-qp").training_defaults
    assert defaults["n_critic"] == 2 and defaults["d_opt"]["lr"] == 2e-4


def test_bad_scale():
    with pytest.raises(GankitError, match="objective_options.scale"):
        build_objective("gan-qp", {"scale": 0})


def test_mse_distance_is_the_o_gan_variant(paired):
    # O-GAN's code: (dT)^2 * 0.25 / mean((x_r - x_f)^2), i.e. lambda = 2 with the mse distance.
    terms = build_objective("gan-qp", {"scale": 2.0, "distance": "mse"}).critic_loss(
        paired([[3.0, 4.0]], [[0.0, 0.0]]))
    assert terms.losses["quadratic"].item() == pytest.approx(0.25 * 9 / 12.5)
