"""Metrics take arrays, not models, so they can judge samples from any program."""
