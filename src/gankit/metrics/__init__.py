"""Metrics take arrays, not models, so they can judge samples from any program.

- frechet: Fréchet distance (FID) and feature statistics
- kid: Kernel Inception Distance (unbiased MMD², polynomial kernel, subsets)
- manifold: precision/recall (k-NN) and density/coverage
- inception_score: IS from class probabilities
- extractors: feature networks by name (EXTRACTORS), each with an identity printed with its numbers
- real_stats: cached real-data statistics; report: everything for one set of images
- modes: mode coverage on 2D mixtures
- paired: outputs against targets (image-to-image): PSNR, SSIM, errors inside a hole, sharpness
"""
