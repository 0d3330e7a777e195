"""The wrapper registry: objectives that wrap another one and add their own terms to its updates
(O-GAN's correlation, AC-GAN's class loss). Configured under `wrappers: {<name>: {options}}`,
applied in their declared `order` around the configured objective. Nothing here imports torch."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from gankit.core.checks import require_non_negative
from gankit.core.errors import GankitError
from gankit.core.registry import Registry

WRAPPERS: Registry = Registry("wrapper")


@dataclass(frozen=True)
class WrapperFacts:
    order: int  # wrappers apply lowest first: each wraps the objective the previous one built
    needs_scores: bool = False  # the wrapped objective must give one score per sample
    min_z_dim: int = 0
    # net_options.conditioning value that adds this wrapper to a conditional run by itself
    implied_by_conditioning: str = ""
    needs_pairs: bool = False  # compares each fake with its real target (paired data)
    needs_sources: bool = False  # translates source images (paired or unpaired image data)
    nets: str = ""  # the net family it trains (and that is trained by it alone); "": any
    # whether, with these options, it measures inside the holes of masked sources
    needs_holes: Callable[[Mapping[str, Any]], bool] | None = None


@dataclass
class OGANOptions:
    weight: float = 0.5  # lambda; 0 keeps the encoder critic and only measures rho
    score: Literal["mean", "head"] = "mean"  # D(x) = avg(E(x)), or a linear head on E(x)
    # alternating: a critic update, then a generator update (gankit's game); joint: one update
    # of both nets on one batch with one loss (the author's scripts; needs n_critic = 1)
    schedule: Literal["alternating", "joint"] = "alternating"

    def __post_init__(self) -> None:
        require_non_negative(self.weight, "wrappers.ogan.weight")


@dataclass
class ACGANOptions:
    weight: float = 1.0  # of the class cross-entropy in both updates
    # the critic's classifier also learns the fakes' classes (the paper's L_C), or only the
    # real samples' (measured only, not trained, on fakes)
    critic_fakes: bool = True

    def __post_init__(self) -> None:
        require_non_negative(self.weight, "wrappers.acgan.weight")


@dataclass
class ReconstructionOptions:
    loss: Literal["l1", "l2"] = "l1"  # mean |G(s) - t|, or mean (G(s) - t)^2
    weight: float = 100.0  # lambda of the reconstruction term (pix2pix: 100 with L1)
    # the objective's own generator loss times this; 0 trains the plain autoencoder (the
    # adversarial term is then only measured), the baseline image-to-image GANs are compared with
    adversarial: float = 1.0
    # image: every pixel; hole: the hole of masked sources and a band of `border` known pixels
    # around it, the band weighted `border_weight` (the context encoder: 10x on its overlap)
    region: Literal["image", "hole"] = "image"
    border: int = 0
    border_weight: float = 10.0

    def __post_init__(self) -> None:
        for key in ("weight", "adversarial", "border", "border_weight"):
            require_non_negative(getattr(self, key), f"wrappers.reconstruction.{key}")
        if self.border and self.region != "hole":
            raise GankitError("wrappers.reconstruction.border widens the hole's region: set "
                              "region=hole too")


@dataclass
class CycleGANOptions:
    cycle: float = 10.0  # lambda of the cycle-consistency term (Zhu et al. 2017, eq. 3)
    # the identity term's weight as a fraction of lambda (section 5.2; the authors' code: 0.5)
    identity: float = 0.5
    history: int = 50  # fakes kept for the critics (section 4); 0: the latest fakes only
    # both adversarial losses (G's and F's) times this; 0: the cycle terms alone
    adversarial: float = 1.0

    def __post_init__(self) -> None:
        for key in ("cycle", "identity", "history", "adversarial"):
            require_non_negative(getattr(self, key), f"wrappers.cyclegan.{key}")


WRAPPERS.declare(
    "ogan", "O-GAN: the critic an encoder E, D(x) = avg(E(x)), both losses gain "
            "-weight * rho(z, E(G(z))) (Su 2019, eq. 4)",
    "gankit.objectives.ogan.wrapper:OGAN", OGANOptions,
    WrapperFacts(order=0, needs_scores=True, min_z_dim=3))
WRAPPERS.declare(
    "acgan", "AC-GAN: the critic also classifies; both updates gain weight * a class "
             "cross-entropy (Odena et al. 2017, eq. 2)",
    "gankit.objectives.acgan:AuxiliaryClassifier", ACGANOptions,
    WrapperFacts(order=1, implied_by_conditioning="acgan"))
WRAPPERS.declare(
    "reconstruction", "an autoencoder's point-wise loss in the generator's: weight * L1 or L2 of "
                      "G(source) against its target (pix2pix, Isola et al. 2017, eq. 4)",
    "gankit.objectives.image2image.reconstruction:Reconstruction", ReconstructionOptions,
    WrapperFacts(order=2, needs_pairs=True,
                 needs_holes=lambda options: options.get("region") == "hole"))
WRAPPERS.declare(
    "cyclegan", "CycleGAN: two generators and two critics, one per direction, with cycle "
                "consistency and identity terms and a history of fakes (Zhu et al. 2017, eq. 3)",
    "gankit.objectives.image2image.cycle:CycleGAN", CycleGANOptions,
    WrapperFacts(order=2, needs_scores=True, needs_sources=True, nets="cyclegan"))
