"""Image-to-image nets (issue 38): generators G(z, condition) that map a source image to an
output image, and a patch critic D(x, condition) that scores every patch of its input.

- `UNetGenerator`: pix2pix's U-Net (Isola et al. 2017), for translation and inpainting;
- `SRResNetGenerator`: SRGAN's generator (Ledig et al. 2017), for ×2 / ×4 super-resolution;
- `PatchCritic`: pix2pix's PatchGAN, conditional (source and output stacked) or unconditional;
- `ResnetGenerator`: CycleGAN's residual generator (Zhu et al. 2017); `TwoWayGenerator` and
  `TwoSidedCritic` hold CycleGAN's two generators and two critics as one of each (two_way.py).

Every net is fully convolutional: it takes any image size. Images are N×C×H×W in [-1, 1]; the
generators ignore z (pix2pix's noise is its dropout, active in training mode). The critic's
`CriticOutput.score` is its patch map flattened per sample, shape (N, P): an objective that
averages f(d) over all elements averages it over the patches too, as pix2pix does.
"""

from gankit.nets.image2image.patch import PatchCritic, patch_layers, receptive_field
from gankit.nets.image2image.resnet import ResnetGenerator
from gankit.nets.image2image.srresnet import SRResNetGenerator
from gankit.nets.image2image.two_way import TwoSidedCritic, TwoWayGenerator
from gankit.nets.image2image.unet import UNetGenerator, unet_depth

__all__ = ["PatchCritic", "ResnetGenerator", "SRResNetGenerator", "TwoSidedCritic",
           "TwoWayGenerator", "UNetGenerator", "patch_layers", "receptive_field", "unet_depth"]
