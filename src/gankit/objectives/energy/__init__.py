"""The energy-based objectives, whose autoencoder critic's reconstruction error plays the part of
the score: EBGAN (ebgan.py, with its pulling-away term in pulling_away.py), MAGAN (magan.py, its
margin as state in margin.py), BEGAN (began.py), what they share (base.py) and their options
(options.py).

Importing this package does not import torch: the registry reads options.py, and an objective's
module is imported when it is built.
"""
