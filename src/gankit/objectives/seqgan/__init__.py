"""SeqGAN (Yu et al. 2017) as one package: the objective and its schedule (objective.py), the
discriminator's loss and what the losses share (parts.py), the Monte Carlo rewards (rewards.py),
the roll-out policy (rollout.py), the policy-gradient loss (policy_gradient.py), the official
code's sets of negatives (negatives.py), and the options and paper defaults (options.py).

Importing this package does not import torch: the registry reads options.py, and objective.py is
imported when the objective is built.
"""
