import math

import numpy as np
import pytest

from gankit.viz.curves import LABEL_HEIGHT, LINE, MARGIN, line_panels


def blue(picture: np.ndarray) -> np.ndarray:
    return np.argwhere((picture == LINE).all(axis=2))


def test_one_panel_per_series_each_on_its_own_range():
    rising = [(0, 0.0), (10, 1.0)]
    falling = [(0, 500.0), (10, -500.0)]
    picture = line_panels({"a": rising, "b": falling}, width=200, panel_height=100)
    assert picture.shape == (2 * (100 + LABEL_HEIGHT + MARGIN) + MARGIN, 200, 3)
    first_bottom = MARGIN + LABEL_HEIGHT + 100
    upper, lower = blue(picture[:first_bottom + 1]), blue(picture[first_bottom + 1:])
    # the rising line starts low on the left and ends high on the right; the falling one opposite
    assert upper[upper[:, 1].argmin()][0] > upper[upper[:, 1].argmax()][0]
    assert lower[lower[:, 1].argmin()][0] < lower[lower[:, 1].argmax()][0]


def test_non_finite_points_are_skipped_and_empty_panels_say_so():
    picture = line_panels({"k": [(0, math.nan), (1, math.inf)]}, width=120, panel_height=40)
    assert len(blue(picture)) == 0
    picture = line_panels({"k": [(0, 1.0), (1, math.nan), (2, 1.0)]}, width=120, panel_height=40)
    assert len(blue(picture)) > 0


def test_nothing_to_draw_is_an_error():
    with pytest.raises(ValueError):
        line_panels({})
