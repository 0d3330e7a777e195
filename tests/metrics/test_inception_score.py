import math

import numpy as np
import pytest

from gankit.metrics.inception_score import inception_score


def test_uniform_predictions_score_one():
    mean, std = inception_score(np.full((100, 10), 0.1))
    assert mean == pytest.approx(1.0) and std == pytest.approx(0.0)


def test_confident_predictions_spread_over_all_classes_score_the_class_count():
    probabilities = np.tile(np.eye(7), (3, 1))  # 21 one-hot rows, 3 per class
    assert inception_score(probabilities, splits=1)[0] == pytest.approx(7.0)
    assert inception_score(probabilities, splits=3) == pytest.approx((7.0, 0.0))


def test_hand_value():
    probabilities = np.array([[1.0, 0.0], [0.5, 0.5]])  # marginal (0.75, 0.25)
    kl_first = math.log(1 / 0.75)
    kl_second = 0.5 * math.log(0.5 / 0.75) + 0.5 * math.log(0.5 / 0.25)
    expected = math.exp((kl_first + kl_second) / 2)
    assert inception_score(probabilities, splits=1)[0] == pytest.approx(expected)


def test_splits_give_a_spread():
    probabilities = np.vstack([np.full((10, 4), 0.25), np.tile(np.eye(4), (3, 1))[:10]])
    mean, std = inception_score(probabilities, splits=2)
    assert std > 0 and 1.0 < mean < 4.0


def test_too_few_rows_for_the_splits():
    with pytest.raises(ValueError):
        inception_score(np.full((5, 3), 1 / 3), splits=10)
