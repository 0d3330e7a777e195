"""The penalty registry: each penalty's name, summary and options; its module is imported when
the penalty is built."""

from gankit.core.registry import Registry
from gankit.penalties.options import DRAGANOptions, GradientPenaltyOptions

PENALTIES: Registry = Registry("penalty")
# Every penalty here is on the critic's input gradients, per sample: a batch-norm critic, whose
# output for one sample depends on the others in its batch, is refused with them (config.load).
GRADIENT_PENALTIES = ("dragan", "gp", "r1", "r2")

PENALTIES.declare(
    "dragan",
    "(||grad D(x^)|| - k)^2 on noisy points near real data, weight 10 (Kodali et al. 2017)",
    "gankit.penalties.dragan:DRAGAN", DRAGANOptions)
PENALTIES.declare(
    "gp",
    "(||grad D(x^)|| - 1)^2 on real/fake interpolates, weight 10 (Gulrajani et al. 2017, eq. 3)",
    "gankit.penalties.gp:GradientPenalty", GradientPenaltyOptions)
PENALTIES.declare(
    "r1", "gamma/2 E||grad D(x)||^2 on real data, weight = gamma (Mescheder et al. 2018, eq. 9; "
          "the authors' code's reg_param r applies r E||grad D||^2, i.e. weight 2r)",
    "gankit.penalties.r1:R1")
PENALTIES.declare(
    "r2", "gamma/2 E||grad D(x)||^2 on fakes, weight = gamma (Mescheder et al. 2018, section 4.1; "
          "with r1, R3GAN's regularisation, Huang et al. 2024, eq. 4)",
    "gankit.penalties.r2:R2")
