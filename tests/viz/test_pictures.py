import numpy as np
from PIL import Image

from gankit.viz.grid import image_grid, save_png
from gankit.viz.scatter import scatter_plot


def test_grid_places_tiles_row_major():
    images = np.stack([np.full((2, 3, 1), i, dtype=np.uint8) for i in range(5)])
    grid = image_grid(images, columns=2, padding=1)
    assert grid.shape == (3 * 3 + 1, 2 * 4 + 1, 1)
    assert grid[1, 1, 0] == 0 and grid[1, 5, 0] == 1 and grid[4, 1, 0] == 2
    assert grid[7, 1, 0] == 4 and grid[7, 5, 0] == 0  # the empty sixth tile stays black


def test_scatter_marks_points(tmp_path):
    pic = scatter_plot(np.array([[0.5, 0.5]]), reference=np.array([[-0.5, -0.5]]), size=100,
                       limit=1.0)
    assert pic.shape == (100, 100, 3)
    assert tuple(pic[25, 75]) == (31, 119, 180)  # (0.5, 0.5) is up and to the right
    assert tuple(pic[75, 25]) == (255, 255, 255)  # reference points are rings...
    assert (pic[68:83, 18:33] == 150).all(axis=-1).any()  # ...drawn in grey around the spot
    save_png(pic, tmp_path / "s.png")
    assert Image.open(tmp_path / "s.png").size == (100, 100)
