"""The dataset registry: each dataset's name, summary and options; its module is imported when
it is loaded. An entry's implementation is a loader: `load(options, argument) -> DataSource`.

`argument` is what follows the colon in names such as `folder:PATH` and `npz:PATH` (None otherwise).

Any image dataset also becomes image-to-image pairs with `data_options.pairs` (PairOptions); the
wrapping is done by `load_dataset`, so its loader need not know.
"""

from __future__ import annotations

from gankit.core.registry import Registry
from gankit.data import options as o

DATASETS: Registry = Registry("dataset")

DATASETS.declare("digits", "scikit-learn 8×8 handwritten digits, 1797 images, 10 classes",
                 "gankit.data.digits:DigitsLoader", o.DigitsOptions)
DATASETS.declare("fashion-mnist", "Fashion-MNIST: 28×28 grayscale clothing, 10 classes",
                 "gankit.data.idx_datasets:FashionMnistLoader", o.IdxOptions)
DATASETS.declare("folder", "folder:PATH, every image file under PATH (recursive); one class "
                           "per sub-folder when every image lies in one",
                 "gankit.data.folder:FolderLoader", o.FolderOptions)
DATASETS.declare("grid", "2D: 25 Gaussians on the grid {-4,-2,0,2,4}², σ = 0.05",
                 "gankit.data.mixtures:GridLoader", o.MixtureOptions)
DATASETS.declare("mnist", "MNIST: 28×28 grayscale handwritten digits, 10 classes",
                 "gankit.data.idx_datasets:MnistLoader", o.IdxOptions)
DATASETS.declare("npz", "npz:PATH, array 'images' (uint8 or float) and optional 'labels'",
                 "gankit.data.npz:NpzLoader", o.NpzOptions)
DATASETS.declare("oracle", "SeqGAN's synthetic data: sequences from a fixed LSTM (Yu 2017)",
                 "gankit.data.oracle_data:OracleLoader", o.OracleOptions)
DATASETS.declare("paired", "paired:SOURCE_DIR,TARGET_DIR, image pairs aligned by file name "
                           "(image-to-image: pix2pix, super-resolution, inpainting)",
                 "gankit.data.paired.folders:PairedFolderLoader", o.PairedFolderOptions)
DATASETS.declare("ring", "2D: 8 Gaussians on the unit circle, σ = 0.01",
                 "gankit.data.mixtures:RingLoader", o.MixtureOptions)
DATASETS.declare("text", "text:PATH, UTF-8 text, one sequence per line (word or char level)",
                 "gankit.data.text:TextLoader", o.TextOptions)
DATASETS.declare("unpaired", "unpaired:A_DIR,B_DIR, two unaligned image domains, A → B, drawn "
                             "independently (CycleGAN)",
                 "gankit.data.paired.folders:UnpairedFolderLoader", o.PairedFolderOptions)


def split_data_name(name: str) -> tuple[str, str | None]:
    """`folder:/a/b` → ("folder", "/a/b"); `ring` → ("ring", None)."""
    base, sep, argument = name.partition(":")
    return (base, argument) if sep else (name, None)
