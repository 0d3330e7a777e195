"""benchmarks/image2image.py's tables: each task's rows and the issue's targets, met or missed."""

import pytest


@pytest.fixture
def image2image(load_script):
    return load_script("image2image")


def row(task, model, **values):
    return {"task": task, "model": model, "seed": 0, "extractor": "classifier:x:abc", **values}


ROWS = [row("sr4", "baseline", psnr=15.0, fid=400.0, sharpness=0.4),
        row("sr4", "ae", psnr=21.0, fid=50.0, sharpness=0.6),
        row("sr4", "gan", psnr=20.0, fid=15.0, sharpness=0.9),
        row("edges", "gan", class_agreement=0.85, fid=20.0, sharpness=1.3),
        row("edges", "ae", class_agreement=0.8, fid=40.0, sharpness=0.8),
        row("edges", "cyclegan", class_agreement=0.76, fid=30.0),
        row("edges", "cycle-ae", class_agreement=0.3, fid=200.0)]


def test_targets_say_met_missed_or_not_measured(image2image):
    lines = image2image.targets(ROWS).splitlines()
    found = {line.split(" | ")[0].lstrip("| "): line.rsplit(" | ", 1)[-1].rstrip(" |")
             for line in lines[2:]}
    assert found["sr4: autoencoder PSNR - bicubic PSNR >= 5 dB"] == "met"  # 6 dB
    assert found["sr4: GAN FID / autoencoder FID <= 0.4"] == "met"  # 0.3
    assert found["sr4: autoencoder PSNR - GAN PSNR <= 1.5 dB"] == "met"
    assert found["edges: GAN sharpness closer to the targets' than the autoencoder's"] == \
        "MISSED"  # |1.3 - 1| > |0.8 - 1|
    assert found["edges: GAN class agreement >= 0.88"] == "MISSED"
    assert found["inpaint: GAN hole L1 / mean fill's <= 0.6"] == "not measured"
    assert found["edges, unpaired: CycleGAN class agreement >= 0.75"] == "met"
    assert found["edges, unpaired: CycleGAN FID / cycle terms alone FID < 1"] == "met"


def test_rows_come_baseline_autoencoder_gan(image2image):
    text = image2image.table(ROWS)
    sr4 = text.split("**sr4**")[1]
    assert sr4.index("| baseline |") < sr4.index("| ae |") < sr4.index("| gan |")
    edges = text.split("**edges**")[1].split("**sr4**")[0]
    assert edges.index("| gan |") < edges.index("| cycle-ae |") < edges.index("| cyclegan |")
