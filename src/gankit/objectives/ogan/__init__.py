"""O-GAN (Su 2019) as a wrapper of any scalar-score objective: wrapper.py builds it, schedules.py
puts its correlation term into the wrapped schedule (alternating or joint), correlation.py is the
term itself. Importing this package does not import torch."""
