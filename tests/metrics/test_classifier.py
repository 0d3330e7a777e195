import json

import numpy as np
import pytest
import torch

from gankit.cli.main import build_parser, main
from gankit.core.errors import GankitError
from gankit.data import load_dataset
from gankit.metrics.classifier_training import train_classifier
from gankit.metrics.extractors import build_extractor
from gankit.metrics.extractors.classifier import (
    DomainClassifier,
    classifier_path,
    load_classifier,
    sidecar_path,
)


def digits28(limit=64):
    return load_dataset("digits", {"image_size": 28, "limit": limit}).images


def test_missing_classifier_says_how_to_train_it(cache):
    with pytest.raises(GankitError) as caught:
        build_extractor("domain-classifier", "fashion-mnist")
    message = str(caught.value)
    assert "`gankit train-classifier --data fashion-mnist`" in message and "\n" not in message


def test_trained_classifier_is_saved_with_its_sidecar(trained):
    path = classifier_path("digits")
    assert path == trained / "classifiers" / "digits.safetensors"
    info = json.loads(sidecar_path(path).read_text())
    assert info["dataset"] == "digits" and info["image_size"] == 28 and info["classes"] == 10
    assert info["channels"] == 1 and info["architecture"] == "smallcnn-v1"
    assert info["train_size"] + info["test_size"] == 1797
    assert 0.9 < info["test_accuracy"] <= 1.0  # three epochs on 1.5k digits


def test_round_trip_gives_features_and_probabilities(trained):
    extractor = build_extractor("domain-classifier", "digits")
    network, info = load_classifier("digits")
    assert extractor.identity == f"classifier:digits:{info.weights_sha256[:12]}"
    images = digits28()
    features, probabilities = extractor.features_and_probabilities(images)
    assert features.shape == (64, 256) and features.dtype == np.float32
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)
    network.eval()
    with torch.no_grad():
        expected = network(images.float() / 127.5 - 1.0)[0].numpy()
    np.testing.assert_allclose(features, expected, rtol=1e-4, atol=1e-5)
    np.testing.assert_array_equal(extractor.features(images), features)


def test_probabilities_classify_the_digits(trained):
    source = load_dataset("digits", {"image_size": 28})
    probabilities = build_extractor("domain-classifier", "digits").probabilities(source.images)
    assert (probabilities.argmax(axis=1) == source.labels.numpy()).mean() > 0.9


def test_images_of_another_size_are_refused(trained):
    extractor = DomainClassifier.load("digits")
    with pytest.raises(GankitError, match="takes 1×28×28 images, got 1×8×8"):
        extractor.features(load_dataset("digits", {"limit": 4}).images)


def test_edited_weights_are_noticed(trained):
    path = classifier_path("digits")
    path.write_bytes(path.read_bytes()[:-8] + b"\0" * 8)
    with pytest.raises(GankitError, match="does not match its sidecar.*--force"):
        load_classifier("digits")


def test_existing_classifier_is_kept_without_force(trained):
    with pytest.raises(GankitError, match="already at .*--force"):
        train_classifier("digits", epochs=1, image_size=28)


def test_unlabelled_or_odd_datasets_are_refused(cache):
    with pytest.raises(GankitError, match="no labelled images"):
        train_classifier("ring")
    with pytest.raises(GankitError, match="8 to 64 pixels"):
        train_classifier("digits", image_size=100)


def test_cli_verb_trains_and_reports(cache, capsys):
    assert main(["train-classifier", "--data", "digits", "--image-size", "8",
                 "--epochs", "1"]) == 0
    out = capsys.readouterr().out
    assert "test accuracy" in out and str(classifier_path("digits")) in out
    assert load_classifier("digits")[1].image_size == 8


@pytest.mark.parametrize("flags, expected", [(["--fp32"], "fp32"), ([], "auto"),
                                             (["--precision", "bf16"], "bf16")])
def test_cli_precision_defaults_to_auto(flags, expected):
    args = build_parser().parse_args(["train-classifier", "--data", "digits", *flags])
    assert args.precision == expected


def test_training_logs_what_precision_it_chose(cache, monkeypatch):
    monkeypatch.setattr("gankit.core.precision.cpu_has_native_bf16", lambda: False)
    lines = []
    train_classifier("digits", epochs=1, image_size=8, log=lines.append)
    assert lines[0] == "precision=auto chose fp32: cpu has no native bf16"
