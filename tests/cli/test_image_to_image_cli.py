"""Image to image on the same engine, end to end on tiny data: pix2pix (a U-Net, a patch critic,
the L1 reconstruction wrapper) on digits' edge maps — train, resume, sample its test pairs,
evaluate them — and the mistakes that get one line."""

import json

import numpy as np
import pytest
from PIL import Image

from gankit.cli.main import main

TINY = ["objective=ns", "net=pix2pix", "data=digits", "data_options.image_size=28",
        "data_options.pairs=edges", "data_options.limit=48", "wrappers.reconstruction.weight=10",
        "batch_size=8", "log.every=2",
        "log.sample_every=3", "log.progress=false", "log.tensorboard=false", "device=cpu",
        "precision=fp32", "seed=3"]
SMALL_NETS = ["net_options.width=8", "net_options.d_width=8"]


def train(out, *extra, nets=SMALL_NETS):
    return main(["train", *TINY, *nets, *extra, f"out={out}"])



@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("pix2pix") / "run"
    assert train(out, "steps=6") == 0
    return out


def test_training_logs_the_reconstruction_and_previews_the_pairs(run):
    lines = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert {"generator/l1", "generator/adv", "critic/real"} <= set(lines[-1])
    assert (run / "samples" / "step_0000006.png").is_file()
    config = (run / "config.yaml").read_text()
    assert "reconstruction:" in config and "pairs: edges" in config


def test_a_resumed_run_ends_where_an_uninterrupted_one_does(run, tmp_path, weights_of):
    half = tmp_path / "half"
    assert train(half, "steps=3") == 0
    assert main(["train", "--resume", str(half), "steps=6"]) == 0
    assert weights_of(half) == weights_of(run)


def test_sample_writes_source_output_target_rows(run, tmp_path, capsys):
    assert main(["sample", str(run), "--n", "5", "--out", str(tmp_path / "p.npz")]) == 0
    arrays = np.load(tmp_path / "p.npz")
    assert {k: arrays[k].shape for k in ("sources", "outputs", "targets")} == {
        "sources": (5, 28, 28, 1), "outputs": (5, 28, 28, 1), "targets": (5, 28, 28, 1)}
    assert main(["sample", str(run), "--n", "4", "--out", str(tmp_path / "p.png")]) == 0
    assert (tmp_path / "p.png").stat().st_size > 0
    again = tmp_path / "q.npz"
    assert main(["sample", str(run), "--n", "5", "--out", str(again)]) == 0
    assert np.array_equal(np.load(again)["sources"], arrays["sources"])  # fixed test pairs


def test_eval_scores_the_test_pairs(run, classifier_cache, capsys):
    assert main(["eval", str(run), "--n", "30"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["pairs"] == 30
    assert 0 < result["psnr"] < 60 and -1 <= result["ssim"] <= 1 and result["sharpness"] > 0
    assert "fid" in result and "class_agreement" in result


@pytest.mark.parametrize("items, message", [
    (["data_options.pairs=null"], "wrappers.reconstruction compares each output with its target"),
    (["net=mlp"], "takes no source image; for paired or unpaired image data use net=pix2pix"),
    (["conditional=true"], "already hands every image over with its source image"),
    (["data_options.pairs=downsample:4"], "for super-resolution use net=srresnet"),
    (["wrappers.reconstruction.region=hole"], "measures inside the holes of masked sources"),
    (["net_options.paste=true"], "keeps the known pixels of masked sources"),
])
def test_mistakes_are_one_line(tmp_path, capsys, items, message):
    nets = [] if "net=mlp" in items else SMALL_NETS
    assert train(tmp_path / "x", "steps=2", *items, nets=nets) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1] and not (tmp_path / "x").exists()


def write_pngs(folder, sizes):
    folder.mkdir(parents=True)
    for i, (h, w) in enumerate(sizes):
        pixels = (np.random.default_rng(i).random((h, w)) > 0.8).astype(np.uint8) * 255
        Image.fromarray(pixels).save(folder / f"edge_{i}.png")
        (folder / "nested").mkdir(exist_ok=True)
    Image.fromarray(np.zeros((28, 28), np.uint8)).save(folder / "nested" / "blank.jpg")


def test_translate_keeps_names_and_sizes_of_a_folder(run, tmp_path, capsys):
    write_pngs(tmp_path / "in", [(27, 29), (28, 28), (40, 36)])
    assert main(["translate", str(run), "--input", str(tmp_path / "in"),
                 "--out", str(tmp_path / "out"), "--batch", "2"]) == 0
    written = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*"))
    assert written == ["edge_0.png", "edge_1.png", "edge_2.png", "nested", "nested/blank.png"]
    with Image.open(tmp_path / "out" / "edge_0.png") as image:
        assert image.size == (29, 27) and image.mode == "L"


def test_translate_an_npz_of_test_sources_as_sample_does(run, tmp_path):
    assert main(["sample", str(run), "--n", "6", "--out", str(tmp_path / "pairs.npz")]) == 0
    assert main(["translate", str(run), "--input", str(tmp_path / "pairs.npz"),
                 "--out", str(tmp_path / "out.npz")]) == 0
    sampled = np.load(tmp_path / "pairs.npz")["outputs"]
    translated = np.load(tmp_path / "out.npz")["outputs"]
    assert translated.shape == sampled.shape
    assert np.abs(translated.astype(int) - sampled.astype(int)).max() <= 1  # uint8 round trip


@pytest.mark.parametrize("args, message", [
    (["--input", "nope.png", "--out", "o"], "is not an image file, a folder or an .npz"),
    (["--input", "IN", "--out", "o.png"], "--out must be a folder or end in .npz"),
    (["--input", "IN", "--out", "o", "--batch", "0"], "--batch must be at least 1"),
])
def test_translate_mistakes_are_one_line(run, tmp_path, capsys, args, message):
    write_pngs(tmp_path / "IN", [(28, 28)])
    args = [str(tmp_path / a) if a in ("IN", "nope.png", "o", "o.png") else a for a in args]
    assert main(["translate", str(run), *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_translate_refuses_a_run_that_draws_from_noise(tmp_path, tiny_ring_overrides, capsys):
    assert main(["train", *tiny_ring_overrides, "steps=2"]) == 0
    ring = next(o.split("=", 1)[1] for o in tiny_ring_overrides if o.startswith("out="))
    (tmp_path / "x.npz").write_bytes(b"")
    assert main(["translate", ring, "--input", str(tmp_path / "x.npz"),
                 "--out", str(tmp_path / "y")]) == 2
    assert "not an image-to-image run" in capsys.readouterr().err


def test_evaluation_during_training_scores_the_test_pairs(tmp_path, classifier_cache):
    assert train(tmp_path / "run", "steps=4", "eval.every=2", "eval.n=20") == 0
    lines = [json.loads(line) for line in (tmp_path / "run" / "metrics.jsonl").read_text()
             .splitlines()]
    evals = [line for line in lines if line.get("event") == "eval"]
    assert [line["step"] for line in evals] == [2, 4]
    assert {"eval/psnr", "eval/ssim", "eval/fid", "eval/class_agreement"} <= set(evals[-1])
    assert (tmp_path / "run" / "checkpoints" / "best.pt").is_file()


PRESETS = {
    "pix2pix-edges-fashion-mnist": ["net_options.width=8", "net_options.d_width=8"],
    "pix2pix-edges-ae-fashion-mnist": ["net_options.width=8", "net_options.d_width=8"],
    "srgan-x4-fashion-mnist": ["net_options.blocks=2", "net_options.width=8",
                               "net_options.d_width=8"],
    "inpaint-fashion-mnist": ["net_options.width=8", "net_options.d_width=8"],
    "cyclegan-edges-fashion-mnist": ["net_options.width=4", "net_options.d_width=8"],
    "cyclegan-edges-ae-fashion-mnist": ["net_options.width=4", "net_options.d_width=8"],
}
ON_DIGITS = ["data=digits", "data_options.image_size=28", "data_options.limit=48", "batch_size=8",
             "log.progress=false", "log.tensorboard=false", "device=cpu", "precision=fp32"]


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_each_preset_trains_resumes_translates_and_evaluates(preset, tmp_path, classifier_cache,
                                                             capsys):
    out = tmp_path / "run"
    common = [preset, *ON_DIGITS, *PRESETS[preset]]
    assert main(["train", *common, "steps=2", f"out={out}"]) == 0
    assert main(["train", "--resume", str(out), "steps=3"]) == 0
    assert main(["sample", str(out), "--n", "4", "--out", str(tmp_path / "s.npz")]) == 0
    assert main(["translate", str(out), "--input", str(tmp_path / "s.npz"),
                 "--out", str(tmp_path / "t.npz")]) == 0
    assert np.load(tmp_path / "t.npz")["outputs"].shape == (4, 28, 28, 1)
    capsys.readouterr()
    assert main(["eval", str(out), "--n", "20"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {"psnr", "ssim", "sharpness", "fid"} <= set(result)
    assert ("hole_l1" in result) == preset.startswith("inpaint")
