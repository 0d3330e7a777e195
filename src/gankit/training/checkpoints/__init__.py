"""A run's checkpoints: files.py reads and writes one file (atomically, loaded without running
code), store.py keeps a run's newest few with an index, contents.py says what a checkpoint holds,
checkpointer.py saves and resumes a trainer's parts."""
