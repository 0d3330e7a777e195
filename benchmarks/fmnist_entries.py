"""The Fashion-MNIST benchmark's entries (benchmarks/fmnist.py): label → (preset, overrides).

A bare label is its preset as shipped; `-seedN` is the preset at another seed; every other label
is a variant that isolates one change against its preset. The overrides a variant pins (the
settings a preset had when its row was measured) are named below, so a row keeps its meaning when
the preset changes.
"""

from __future__ import annotations

# The autoencoder BEGAN's preset had before it took the compact one (see the began entries)
MIRROR = {"autoencoder": "mirror", "d_norm": "layer"}
# The preset's rates before it took batch norm and Adam 1e-3, pinned in the rows measured with them
RATE_2E4 = {"g_opt": {"lr": 2e-4}, "d_opt": {"lr": 2e-4}}
MIRROR_4K = {"net_options": MIRROR, "steps": 4000, **RATE_2E4}
# The preset's critic before it took batch norm, pinned so that its variants keep their meaning
COMPACT = {"autoencoder": "compact", "d_norm": "none"}
# The WGAN preset's critic schedule before it took Algorithm 1's (the authors' released code)
RELEASED_SCHEDULE = {"objective_options": {"critic_schedule": "reference"}}
# The EBGAN preset's margin before it took 6 (section 4.1's), pinned in the rows measured with it
PAPER_MARGIN = {"objective_options": {"margin": 10.0}}
# The MAGAN preset's margin rule before it ran every 250 steps: once per pass over the data,
# after two passes of pre-training (the authors' epochs), pinned in the rows measured with it
PER_PASS_OPTIONS = {"epoch_steps": None, "pretrain_epochs": 2.0}
PER_PASS_MARGIN = {"objective_options": PER_PASS_OPTIONS}
NONORM_20EP = {"net_options": COMPACT, "steps": 18750, **RATE_2E4}

# label → (preset, extra overrides). Variants isolate one change against their preset.
ENTRIES: dict[str, tuple[str, dict]] = {
    "minimax": ("minimax-fashion-mnist", {}),
    "minimax-seed1": ("minimax-fashion-mnist", {"seed": 1}),
    "ns": ("ns-fashion-mnist", {}),
    "ns-seed1": ("ns-fashion-mnist", {"seed": 1}),  # -seed1: the preset at another seed
    "lsgan": ("lsgan-fashion-mnist", {}),
    "lsgan-seed1": ("lsgan-fashion-mnist", {"seed": 1}),
    # the preset before it took 2 critic steps, and changes to that one-step setting
    "lsgan-nc1": ("lsgan-fashion-mnist", {"n_critic": 1}),
    "lsgan-nc1-eq8": ("lsgan-fashion-mnist",
                      {"n_critic": 1, "objective_options": {"a": -1.0, "b": 1.0, "c": 0.0}}),
    "lsgan-nc1-lr1e-4": ("lsgan-fashion-mnist",
                         {"n_critic": 1, "g_opt": {"lr": 1e-4}, "d_opt": {"lr": 1e-4}}),
    "lsgan-nc1-lr1e-3": ("lsgan-fashion-mnist",
                         {"n_critic": 1, "g_opt": {"lr": 1e-3}, "d_opt": {"lr": 1e-3}}),
    "wgan": ("wgan-fashion-mnist", {}),
    "wgan-seed1": ("wgan-fashion-mnist", {"seed": 1}),
    # the preset before it took Algorithm 1's schedule, and the changes tried on that one
    "wgan-released": ("wgan-fashion-mnist", RELEASED_SCHEDULE),
    "wgan-released-seed1": ("wgan-fashion-mnist", {**RELEASED_SCHEDULE, "seed": 1}),
    # that run resumed from its end to step 6000 (its rate is constant), scored with --score
    "wgan-released-seed1-6k": ("wgan-fashion-mnist", {**RELEASED_SCHEDULE, "seed": 1, "steps": 6000}),
    # the paper's RMSprop 5e-5 for both nets (the preset takes 5e-4), then the rates around it,
    # all with the released schedule they were measured with
    "wgan-paper": ("wgan-fashion-mnist",
                   {**RELEASED_SCHEDULE, "g_opt": {"lr": 5e-5}, "d_opt": {"lr": 5e-5}}),
    "wgan-lr2e-4": ("wgan-fashion-mnist",
                    {**RELEASED_SCHEDULE, "g_opt": {"lr": 2e-4}, "d_opt": {"lr": 2e-4}}),
    "wgan-lr1e-3": ("wgan-fashion-mnist",
                    {**RELEASED_SCHEDULE, "g_opt": {"lr": 1e-3}, "d_opt": {"lr": 1e-3}}),
    # the generator's moving average (decay 0.999) scored instead of its last weights
    "wgan-ema": ("wgan-fashion-mnist", {**RELEASED_SCHEDULE, "ema": 0.999}),
    "wgan-ema-seed1": ("wgan-fashion-mnist", {**RELEASED_SCHEDULE, "ema": 0.999, "seed": 1}),
    # both learning rates decayed linearly to 0 by the last step
    "wgan-linear": ("wgan-fashion-mnist", {**RELEASED_SCHEDULE, "lr_schedule": "linear"}),
    "wgan-linear-seed1": ("wgan-fashion-mnist",
                          {**RELEASED_SCHEDULE, "lr_schedule": "linear", "seed": 1}),
    "wgan-gp": ("wgan-gp-fashion-mnist", {}),
    "wgan-gp-seed1": ("wgan-gp-fashion-mnist", {"seed": 1}),
    # Algorithm 1's Adam 1e-4 for both nets (the preset takes the CIFAR-10 ResNet script's 2e-4)
    "wgan-gp-paper": ("wgan-gp-fashion-mnist", {"g_opt": {"lr": 1e-4}, "d_opt": {"lr": 1e-4}}),
    "hinge": ("hinge-fashion-mnist", {}),
    "hinge-seed1": ("hinge-fashion-mnist", {"seed": 1}),
    "ebgan": ("ebgan-fashion-mnist", {}),
    "ebgan-seed1": ("ebgan-fashion-mnist", {"seed": 1}),
    "ebgan-seed2": ("ebgan-fashion-mnist", {"seed": 2}),
    # the preset before it took margin 6, and the changes tried on that one
    "ebgan-m10": ("ebgan-fashion-mnist", PAPER_MARGIN),
    "ebgan-m10-seed1": ("ebgan-fashion-mnist", {**PAPER_MARGIN, "seed": 1}),
    # the generator's moving average (decay 0.999) scored instead of its last weights
    "ebgan-ema": ("ebgan-fashion-mnist", {**PAPER_MARGIN, "ema": 0.999}),
    "ebgan-ema-seed1": ("ebgan-fashion-mnist", {**PAPER_MARGIN, "ema": 0.999, "seed": 1}),
    # the seed-1 run resumed from its end to step 6000
    "ebgan-ema-seed1-6k": ("ebgan-fashion-mnist",
                           {**PAPER_MARGIN, "ema": 0.999, "seed": 1, "steps": 6000}),
    # both learning rates decayed linearly to 0 by the last step
    "ebgan-linear": ("ebgan-fashion-mnist", {**PAPER_MARGIN, "lr_schedule": "linear"}),
    "ebgan-linear-seed1": ("ebgan-fashion-mnist",
                           {**PAPER_MARGIN, "lr_schedule": "linear", "seed": 1}),
    # three critic steps per generator step (the preset takes two); the seed-1 run was stopped at
    # step 2000
    "ebgan-nc3": ("ebgan-fashion-mnist", {**PAPER_MARGIN, "n_critic": 3}),
    "ebgan-nc3-seed1": ("ebgan-fashion-mnist", {**PAPER_MARGIN, "n_critic": 3, "seed": 1}),
    # Adam 5e-4 for both nets (the preset takes the paper's 1e-3)
    "ebgan-lr5e-4": ("ebgan-fashion-mnist",
                     {**PAPER_MARGIN, "g_opt": {"lr": 5e-4}, "d_opt": {"lr": 5e-4}}),
    "ebgan-lr5e-4-seed1": ("ebgan-fashion-mnist",
                           {**PAPER_MARGIN, "g_opt": {"lr": 5e-4}, "d_opt": {"lr": 5e-4},
                            "seed": 1}),
    "ebgan-no-pt": ("ebgan-fashion-mnist", {"objective_options": {"pt_weight": 0.0}}),
    # the preset before it took 2 critic steps, and changes to that one-step setting
    "ebgan-nc1": ("ebgan-fashion-mnist", {**PAPER_MARGIN, "n_critic": 1}),
    "ebgan-nc1-lr2e-4": ("ebgan-fashion-mnist",
                         {**PAPER_MARGIN, "n_critic": 1, **RATE_2E4}),
    # layer norm in the autoencoder critic: each sample's energy no longer depends on its batch
    "ebgan-nc1-ln": ("ebgan-fashion-mnist",
                     {**PAPER_MARGIN, "n_critic": 1, "net_options": {"d_norm": "layer"}}),
    "magan": ("magan-fashion-mnist", {}),
    "magan-seed1": ("magan-fashion-mnist", {"seed": 1}),
    "magan-epoch": ("magan-fashion-mnist", PER_PASS_MARGIN),
    "magan-epoch-seed1": ("magan-fashion-mnist", {**PER_PASS_MARGIN, "seed": 1}),
    # EBGAN-PT's pulling-away term, which MAGAN's paper leaves out, at weight 1: EBGAN's 0.1 is
    # for the norm ||r||, and the gradient of MAGAN's ||r||^2 is 2||r|| (about 11 here) times larger.
    # The seed-1 run was stopped at step 2746, behind the preset's (5k FID 70.6, 45.9 at 1000, 2000)
    "magan-pt": ("magan-fashion-mnist",
                 {"objective_options": {**PER_PASS_OPTIONS, "pt_weight": 1.0}}),
    "magan-pt-seed1": ("magan-fashion-mnist",
                       {"objective_options": {**PER_PASS_OPTIONS, "pt_weight": 1.0}, "seed": 1}),
    # the authors' Adamax 5e-4 with the preset's two critic steps, then also their one step
    "magan-adamax": ("magan-fashion-mnist",
                     {**PER_PASS_MARGIN, "g_opt": {"name": "adamax", "lr": 5e-4},
                      "d_opt": {"name": "adamax", "lr": 5e-4}}),
    "magan-authors": ("magan-fashion-mnist",
                      {**PER_PASS_MARGIN, "n_critic": 1, "g_opt": {"name": "adamax", "lr": 5e-4},
                       "d_opt": {"name": "adamax", "lr": 5e-4}}),
    "began": ("began-fashion-mnist", {}),
    # the paper's setting, and with the preset's lambda_k
    "began-paper": ("began-paper-fashion-mnist", {}),
    "began-paper-lk0.01": ("began-paper-fashion-mnist", {"objective_options": {"lambda_k": 0.01}}),
    # BEGAN's objective on the InfoGAN-style nets (their autoencoder critic, as EBGAN's preset),
    # the steps towards the preset: batch norm, then layer norm with the paper's gamma, lambda_k
    "began-infogan": ("ns-fashion-mnist", {"objective": "began"}),
    "began-infogan-g0.75": ("ns-fashion-mnist",
                            {"objective": "began", "objective_options": {"gamma": 0.75}}),
    "began-infogan-code16": ("ns-fashion-mnist",
                             {"objective": "began", "net_options": {"code_dim": 16}}),
    "began-infogan-ln": ("ns-fashion-mnist",
                         {"objective": "began", "net_options": {"d_norm": "layer"}}),
    "began-infogan-ln-lk0.01": ("ns-fashion-mnist",
                                {"objective": "began", "net_options": {"d_norm": "layer"},
                                 "objective_options": {"lambda_k": 0.01}}),
    # The preset before it took compare_gan's compact autoencoder: the mirror autoencoder with
    # layer norm, 4000 steps; then one change at a time from that one
    "began-mirror": ("began-fashion-mnist", MIRROR_4K),
    # the preset before that one (gamma 0.75, the paper's Adam 1e-4), then its gamma 1 alone
    "began-g0.75-lr1e-4": ("began-fashion-mnist",
                           {**MIRROR_4K, "objective_options": {"gamma": 0.75},
                            "g_opt": {"lr": 1e-4}, "d_opt": {"lr": 1e-4}}),
    "began-lr1e-4": ("began-fashion-mnist",
                     {**MIRROR_4K, "g_opt": {"lr": 1e-4}, "d_opt": {"lr": 1e-4}}),
    # the rate doubled, and decayed linearly to 0 by the end (the paper decays on stalls)
    "began-lr4e-4": ("began-fashion-mnist",
                     {**MIRROR_4K, "g_opt": {"lr": 4e-4}, "d_opt": {"lr": 4e-4}}),
    "began-linear": ("began-fashion-mnist", {**MIRROR_4K, "lr_schedule": "linear"}),
    # two critic steps per generator step (as the EBGAN and LSGAN presets), and a wider bottleneck
    "began-nc2": ("began-fashion-mnist", {**MIRROR_4K, "n_critic": 2}),
    "began-code128": ("began-fashion-mnist",
                      {**MIRROR_4K, "net_options": {**MIRROR, "code_dim": 128}}),
    # the mirror run three times as long (its first 4000 steps are began-mirror's: the rate is
    # constant; the began-mirror row was scored from this run's step-4000 checkpoint)
    "began-mirror-12k": ("began-fashion-mnist", {**MIRROR_4K, "steps": 12000}),
    # the smaller autoencoder of compare_gan's BEGAN (Lucic et al. 2018), with layer norm and
    # with none (as compare_gan's default), at 4000 steps, 12000, and 18750 (the 20 epochs of
    # Lucic et al.'s Fashion-MNIST runs; without norm at 18750 it was the preset before batch norm)
    **{f"began-{name}{length}": ("began-fashion-mnist",
                                 {"net_options": {**COMPACT, "d_norm": norm}, "steps": steps,
                                  **RATE_2E4})
       for name, norm in (("compact", "layer"), ("compact-nonorm", "none"))
       for length, steps in (("", 4000), ("-12k", 12000), ("-20ep", 18750))},
    # On those nets at 4000 steps, against began-compact-nonorm: the paper's gamma 0.5,
    # then all three of its settings
    "began-compact-nonorm-g0.5": ("began-fashion-mnist",
                                  {"net_options": COMPACT, "steps": 4000, **RATE_2E4,
                                   "objective_options": {"gamma": 0.5}}),
    "began-compact-nonorm-paper": ("began-fashion-mnist",
                                   {"net_options": COMPACT, "steps": 4000,
                                    "objective_options": {"gamma": 0.5, "lambda_k": 0.001},
                                    "g_opt": {"lr": 1e-4}, "d_opt": {"lr": 1e-4}}),
    # The same, one structural change each: the mirror autoencoder without norm, a 128-wide code
    "began-mirror-nonorm": ("began-fashion-mnist",
                            {"net_options": {**MIRROR, "d_norm": "none"}, "steps": 4000,
                             **RATE_2E4}),
    "began-compact-nonorm-code128": ("began-fashion-mnist",
                                     {"net_options": {**COMPACT, "code_dim": 128}, "steps": 4000,
                                      **RATE_2E4}),
    # Lucic et al.'s other settings for this critic at 4000 steps (their narrow range: rates 1e-4
    # to 1e-3, batch norm or none): the top rate alone, batch norm alone (both at once are the
    # preset, whose first 4000 steps are row began-4k); then batch norm at 2e-4, and the preset's
    # configuration, to 18750 steps
    "began-compact-nonorm-lr1e-3": ("began-fashion-mnist",
                                    {"net_options": COMPACT, "steps": 4000,
                                     "g_opt": {"lr": 1e-3}, "d_opt": {"lr": 1e-3}}),
    "began-compact-bn": ("began-fashion-mnist",
                         {"net_options": {**COMPACT, "d_norm": "batch"}, "steps": 4000,
                          **RATE_2E4}),
    "began-compact-bn-20ep": ("began-fashion-mnist",
                              {"net_options": {**COMPACT, "d_norm": "batch"}, "steps": 18750,
                               **RATE_2E4}),
    "began-4k": ("began-fashion-mnist", {"steps": 4000}),
    "began-20ep": ("began-fashion-mnist", {"steps": 18750}),
    "began-seed1": ("began-fashion-mnist", {"seed": 1}),
    # compare_gan's layout as released (no norm or activation between the second convolution and
    # the code) in place of the preset's compact critic, at 4000 steps against began-4k
    "began-exact-4k": ("began-fashion-mnist",
                       {"net_options": {"autoencoder": "compact-exact", "d_norm": "batch"},
                        "steps": 4000}),
    # End-game changes to the preset before batch norm (began-compact-nonorm-20ep): the generator's
    # moving average (0.999; its rows score the average), and both rates halved at step 12000, as
    # the paper halves them when M stalls (scored by the average, then by the trained generator).
    # The rows came from resuming copies of that run's step-12000 checkpoint with the change, so
    # the nets are those of a fresh run of the entry (its first 12000 steps are that run's); the
    # average then starts at step 12000, which leaves the step-18750 average 0.999**6750 ≈ 0.1 %
    # away from a fresh run's.
    "began-ema": ("began-fashion-mnist", {**NONORM_20EP, "ema": 0.999}),
    "began-ema-lrhalf": ("began-fashion-mnist",
                         {**NONORM_20EP,
                          "ema": 0.999, "lr_schedule": "step", "lr_milestones": [12000]}),
    "began-lrhalf": ("began-fashion-mnist",
                     {**NONORM_20EP,
                      "lr_schedule": "step", "lr_milestones": [12000]}),
    "loss-sensitive": ("loss-sensitive-fashion-mnist", {}),
    "loss-sensitive-seed1": ("loss-sensitive-fashion-mnist", {"seed": 1}),
    # the author's learning rate; then also one L step per G step (the preset before this one)
    "loss-sensitive-lr1e-4": ("loss-sensitive-fashion-mnist",
                              {"g_opt": {"lr": 1e-4}, "d_opt": {"lr": 1e-4}}),
    "loss-sensitive-nc1-lr1e-4": ("loss-sensitive-fashion-mnist",
                                  {"n_critic": 1, "g_opt": {"lr": 1e-4}, "d_opt": {"lr": 1e-4}}),
    # the paper's non-negative L with the E[L(x)] term, one L step, the author's lr
    "loss-sensitive-paper": ("loss-sensitive-fashion-mnist",
                             {"objective_options": {"activation": "relu", "real_weight": 1.0},
                              "n_critic": 1, "g_opt": {"lr": 1e-4}, "d_opt": {"lr": 1e-4}}),
    "gan-qp": ("gan-qp-fashion-mnist", {}),
    "gan-qp-seed1": ("gan-qp-fashion-mnist", {"seed": 1}),
    "ogan": ("ogan-fashion-mnist", {}),
    "ogan-seed1": ("ogan-fashion-mnist", {"seed": 1}),
    "ogan-no-rho": ("ogan-fashion-mnist", {"wrappers": {"ogan": {"weight": 0.0}}}),
    "ogan-alternating": ("ogan-fashion-mnist", {"wrappers": {"ogan": {"schedule": "alternating"}}}),
    # the author's scripts' optimiser (the preset before it took Adam)
    "ogan-rmsprop": ("ogan-fashion-mnist",
                     {"g_opt": {"name": "rmsprop", "lr": 1e-4, "alpha": 0.99},
                      "d_opt": {"name": "rmsprop", "lr": 1e-4, "alpha": 0.99}}),
    # GAN-QP's own distance and scale (the gan-qp preset's) in place of the scripts' mse and 2
    "ogan-l1": ("ogan-fashion-mnist", {"objective_options": {"distance": "l1", "scale": 10.0}}),
    # O-GAN's encoder on the gan-qp preset itself (2 critic steps, so alternating updates)
    "ogan-on-gan-qp": ("gan-qp-fashion-mnist",
                       {"wrappers": {"ogan": {"weight": 0.5, "schedule": "alternating"}}}),
}
