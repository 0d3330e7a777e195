"""Evaluating a generator during and after training: generator.py draws its samples and hands
them to gankit.metrics, periodic.py evaluates a run every eval.every steps, best.py keeps the best
checkpoint by eval.metric; pairs.py scores an image-to-image generator on its run's fixed
test pairs."""
