"""Image-to-image losses, as wrappers around any scalar-score objective: the reconstruction of
paired translation (pix2pix, the context encoder) and CycleGAN's cycle consistency, identity and
history of fakes (unpaired translation)."""
