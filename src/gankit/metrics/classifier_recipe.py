"""The domain classifier's training recipe (metrics.classifier_training): plain numbers, so the
command line can show them without importing torch."""

EPOCHS = 3
BATCH = 128
LEARNING_RATE = 3e-3
HELD_OUT = 1 / 6  # share kept for testing when a dataset has no test split
