"""The net registry: each family's name, summary and options; its module is imported when its
nets are built. A family is a `gankit.nets.family.NetFamily` with a classmethod
`build(options, data_shape, z_dim, spec, classes) -> (generator, critic)`.

A generator maps z (N×z_dim) to samples of `data_shape` (images through tanh into [-1, 1], points
through a linear layer); a critic maps samples to one raw score per sample, shape (N,). Critics are
`gankit.nets.critic.Critic`: a `features` body giving a flat vector and a linear `head` to 1.
"""

from gankit.core.registry import Registry
from gankit.nets import options as o

NETS: Registry = Registry("net")

NETS.declare("began", "BEGAN autoencoder architecture: ELU convs, no norm, NN upsampling",
             "gankit.nets.began:Began", o.BeganOptions)
NETS.declare("dcgan", "DCGAN conv generator and critic for 28x28, 32x32 and 64x64 images",
             "gankit.nets.dcgan:Dcgan", o.DcganOptions)
NETS.declare("infogan", "InfoGAN-style 28x28 pair from the large GAN comparisons (Lucic 2018)",
             "gankit.nets.infogan:Infogan", o.InfoganOptions)
NETS.declare("mlp", "fully connected generator and critic for 2D points or flattened images",
             "gankit.nets.mlp:Mlp", o.MlpOptions)
NETS.declare("pix2pix", "pix2pix's U-Net generator (dropout as its noise) and PatchGAN critic, "
                        "for paired translation and inpainting; any image size",
             "gankit.nets.image2image.family:Pix2pix", o.Pix2pixOptions)
NETS.declare("srresnet", "SRGAN's residual generator with sub-pixel upsampling and a PatchGAN "
                         "critic, for x2/x4 super-resolution",
             "gankit.nets.image2image.family:Srresnet", o.SrresnetOptions)
NETS.declare("cyclegan", "CycleGAN's two generators (residual, or U-Net) and two PatchGAN critics, "
                         "one per domain, for unpaired translation (wrappers.cyclegan)",
             "gankit.nets.image2image.family:Cyclegan", o.CycleganOptions)
NETS.declare("seqgan", "SeqGAN's LSTM generator and CNN+highway discriminator, token sequences",
             "gankit.nets.seqgan:Seqgan", o.SeqganOptions)
