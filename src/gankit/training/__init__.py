"""The training engine: one loop that knows no particular GAN."""
