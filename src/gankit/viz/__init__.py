"""Pictures of samples: image grids and 2D scatter plots, written as PNG with Pillow."""
