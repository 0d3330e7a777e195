"""Image-to-image data: (target, source) pairs for pix2pix, super-resolution, inpainting and
CycleGAN-style translation.

- `options.py`: the options (torch-free): `PairOptions` for degrading any image dataset,
  `PairedFolderOptions` for `paired:SRC,TGT` and `unpaired:A,B`.
- `degradations.py`: the named degradations (edges, downsample, masks), computed once at load.
- `masks.py`: the holes of the masks (centre, boxes, strokes), random ones fixed by item index.
- `source.py`: `PairedImages` and `UnpairedImages`, the data sources, and `make_pairs`, which
  turns a loaded image dataset into one.
- `folders.py`: the `paired:` and `unpaired:` loaders over two folders.

Importing this package does not import torch.
"""
