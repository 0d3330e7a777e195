"""What a user does with a finished run: open its generator (and critic), sample, encode,
reconstruct and interpolate, evaluate it. Reads run folders; never trains."""
