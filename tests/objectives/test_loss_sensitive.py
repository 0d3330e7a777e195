import pytest

from gankit.core.errors import GankitError
from gankit.objectives import build_objective

REAL = [[1.0, 0.0], [2.0, 0.0]]
FAKE = [[4.0, 1.0], [-1.0, 3.0]]  # L(G(z)) = relu: 4, 0


def test_critic_loss_pairs_real_and_fake_by_index(paired):
    objective = build_objective("loss-sensitive", {"delta_scale": 0.5, "slack_weight": 2.0})
    terms = objective.critic_loss(paired(REAL, FAKE))
    # Delta = 0.5 * L1: pair 0 |1-4|+|0-1| = 4 -> 2; pair 1 |2+1|+|0-3| = 6 -> 3.
    # slacks: [2 + 1 - 4]+ = 0, [3 + 2 - 0]+ = 5; mean 2.5, weighted 5.
    assert terms.losses["real"].item() == pytest.approx(1.5)
    assert terms.losses["slack"].item() == pytest.approx(5.0)
    assert terms.stats["margin"].item() == pytest.approx(2.5)


def test_l2_margin_and_no_real_term(paired):
    objective = build_objective("loss-sensitive",
                                {"delta": "l2", "delta_scale": 1.0, "real_weight": 0.0})
    terms = objective.critic_loss(paired([[0.0, 0.0]], [[3.0, 4.0]]))
    assert terms.losses["real"].item() == 0.0
    assert terms.losses["slack"].item() == pytest.approx(5.0 + 0.0 - 3.0)


def test_margin_passes_no_gradient_to_the_fakes(paired):
    batch = paired(REAL, FAKE)
    batch.fake.requires_grad_(True)
    build_objective("loss-sensitive", {"delta_scale": 0.5}).critic_loss(batch).total().backward()
    assert batch.fake.grad[:, 1].abs().sum() == 0  # entry 1 only enters Delta


def test_generator_minimises_the_loss_of_its_samples(paired):
    terms = build_objective("loss-sensitive", {}).generator_loss(paired(REAL, FAKE))
    assert terms.losses["adv"].item() == pytest.approx(2.0)


def test_weight_decay_is_the_lipschitz_regulariser():
    from gankit.objectives import objective_facts

    assert objective_facts("loss-sensitive").training_defaults["d_opt"]["weight_decay"] == 5e-5


@pytest.mark.parametrize("options", [{"delta_scale": 0}, {"slack_weight": -1}, {"delta": "l3"}])
def test_bad_options(options):
    with pytest.raises(GankitError, match="objective_options"):
        build_objective("loss-sensitive", options)
