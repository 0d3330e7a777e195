"""The objective registry: each objective's name, summary, options and what the config needs to
know before it is built (its paper's training settings, what data and critic it takes). Nothing
here imports torch; an objective's module is imported when it is built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gankit.core.options import NoOptions
from gankit.core.registry import Registry
from gankit.objectives import options as o
from gankit.objectives.defaults import adam, dcgan_training, rmsprop, same_for_both, separate
from gankit.objectives.energy.options import BEGANOptions, EBGANOptions, MAGANOptions
from gankit.objectives.seqgan.options import SeqganOptions, seqgan_training

OBJECTIVES: Registry = Registry("objective")
ENERGY_CRITIC = "its autoencoder critic has no class-conditional form in its paper"


@dataclass(frozen=True)
class ObjectiveFacts:
    # The paper's training hyperparameters (n_critic, g_opt, d_opt), merged under whatever the
    # preset and the command line say.
    training_defaults: dict[str, Any]
    scores: bool = True  # the critic gives one score per sample (O-GAN can make it an encoder)
    data_kinds: tuple[str, ...] = ("points", "images")  # what it can train on
    unconditional_only: str = ""  # why conditional=true is refused; "" when it is not
    penalises_gradients: bool = False  # carries a penalty on the critic's input gradients
    # its losses read scores alone, so a PacGAN critic's one score per pack of samples serves
    # (False: it pairs each real sample with its fake by a distance between the two)
    packs: bool = True


def declare(name: str, summary: str, target: str, options: type = NoOptions,
            **facts: Any) -> None:
    OBJECTIVES.declare(name, summary, f"gankit.objectives.{target}", options,
                       ObjectiveFacts(**facts))


declare("minimax",
        "minimax GAN: G minimises log(1 - D(G(z))), saturates early (Goodfellow et al. 2014, eq. 1)",
        "minimax:Minimax", training_defaults=dcgan_training())
declare("ns",
        "non-saturating GAN: G maximises log D(G(z)) instead (Goodfellow et al. 2014, section 3)",
        "non_saturating:NonSaturating", training_defaults=dcgan_training())
# Mao et al. 2017, §4: Adam with beta1 0.5; lr 0.0002 (their handwritten-character runs; the
# 112x112 LSUN scenes used 0.001).
declare("lsgan", "least squares GAN with targets a, b, c (Mao et al. 2017, eq. 2)",
        "lsgan:LSGAN", o.LSGANOptions,
        training_defaults=same_for_both(1, adam(2e-4, (0.5, 0.999))))
# Algorithm 1's defaults: RMSProp, alpha = 0.00005, n_critic = 5.
declare("wgan",
        "Wasserstein GAN, critic weights clipped to [-c, c] (Arjovsky et al. 2017, Algorithm 1)",
        "wgan:WGAN", o.WGANOptions, training_defaults=same_for_both(5, rmsprop(5e-5)))
# Algorithm 1's defaults: lambda = 10, n_critic = 5, Adam alpha = 0.0001, beta1 = 0, beta2 = 0.9.
declare("wgan-gp",
        "WGAN with gradient penalty on real/fake interpolates (Gulrajani et al. 2017, Algorithm 1)",
        "wgan_gp:WGANGP", o.WGANGPOptions,
        training_defaults=same_for_both(5, adam(1e-4, (0.0, 0.9))),
        penalises_gradients=True)
# The SN-GAN authors' hinge setting (Miyato et al. 2018, ResNet experiments; the official
# configs/sn_cifar10_unconditional.yml): Adam lr 0.0002, betas (0, 0.9), n_dis 5.
declare("hinge",
        "hinge loss: critic margins at ±1, G raises D(G(z)) (Miyato et al. 2018, eqs. 16-17)",
        "hinge:Hinge", training_defaults=same_for_both(5, adam(2e-4, (0.0, 0.9))))
# Section 4.1 (MNIST): Adam with learning rate 0.001 for both nets; beta1 0.5 as in DCGAN.
declare("ebgan",
        "energy-based GAN: autoencoder critic with margin, pulling-away term (Zhao et al. 2017)",
        "energy.ebgan:EBGAN", EBGANOptions, scores=False, unconditional_only=ENERGY_CRITIC,
        training_defaults=same_for_both(1, adam(1e-3, (0.5, 0.999))))
# The authors' code: Adamax, learning rate 0.0005, beta1 0.5, batch 64, for both nets.
declare("magan",
        "EBGAN whose margin follows the real data's energy (Wang et al. 2017, Algorithm 1)",
        "energy.magan:MAGAN", MAGANOptions, scores=False, unconditional_only=ENERGY_CRITIC,
        training_defaults=same_for_both(1, {"name": "adamax", "lr": 5e-4,
                                            "betas": [0.5, 0.999]}))
# Section 4.1: Adam, learning rate 0.0001 (the paper halves it when M stalls; use lr_schedule
# for a decay); beta1 0.5 as in the widely used reference implementations.
declare("began",
        "boundary equilibrium GAN: autoencoder critic balanced by k_t (Berthelot et al. 2017, "
        "eq. 4)",
        "energy.began:BEGAN", BEGANOptions, scores=False, unconditional_only=ENERGY_CRITIC,
        training_defaults=same_for_both(1, adam(1e-4, (0.5, 0.999))))
# The author's code (lsgan.lua): Adam lr 1e-4, beta1 0.5; weight decay on L_theta.
declare("loss-sensitive",
        "loss-sensitive GAN: fakes must lose a margin Delta(x, G(z)) more than reals (Qi 2017)",
        "loss_sensitive:LossSensitive", o.LossSensitiveOptions,
        unconditional_only="the paper's conditional form (CLS-GAN) is not implemented",
        packs=False, training_defaults=separate(1, adam(1e-4, (0.5, 0.999)),
                                   {**adam(1e-4, (0.5, 0.999)), "weight_decay": 5e-5}))
# The author's code: Adam lr 2e-4, beta1 0.5, two critic steps per generator step.
declare("gan-qp",
        "GAN-QP: critic with a quadratic potential, no Lipschitz constraint (Su 2018, eq. 15)",
        "gan_qp:GANQP", o.GANQPOptions, packs=False,
        training_defaults=same_for_both(2, adam(2e-4, (0.5, 0.999))))
# The paper's experiments (section 5): Adam 2e-4, betas (0.5, 0.999), one critic step per
# generator step for the standard GAN variants.
declare("rsgan",
        "relativistic standard GAN: real sample i judged against fake sample i, for both nets "
        "(Jolicoeur-Martineau 2019, eqs. 5-6; R3GAN's RpGAN)",
        "relativistic:RelativisticStandard", scores=False, training_defaults=dcgan_training())
declare("ragan",
        "relativistic average GAN: real judged against the average fake and vice versa, for both "
        "nets (Jolicoeur-Martineau 2019, RaSGAN; ESRGAN's loss)",
        # scores=False: O-GAN wraps objectives written as f, g, h of one score, which this is not
        "relativistic:RelativisticAverage", scores=False, training_defaults=dcgan_training())
declare("seqgan",
        "SeqGAN: policy-gradient generator of token sequences, MC roll-out rewards (Yu et al. "
        "2017)",
        "seqgan.objective:SeqGAN", SeqganOptions, scores=False, data_kinds=("tokens",),
        unconditional_only="token sequences carry no class labels",
        training_defaults=seqgan_training())
