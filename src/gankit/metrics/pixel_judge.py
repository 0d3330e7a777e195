"""An independent judge of image samples on raw pixels: it learns nothing by gradient descent
and shares no features with the domain classifier behind FID, KID, precision and recall, so a
generator tuned against those cannot flatter it. It reports

- the 1-NN two-sample accuracy of the samples against the test split (0.5 = indistinguishable);
- the share of samples in each class by a k-NN classifier on the training split's pixels, whose
  smallest share (0.1 for balanced ten-class data) falls when a generator drops a class."""

from __future__ import annotations

import numpy as np
import torch
from sklearn.neighbors import KNeighborsClassifier

from gankit.data import load_dataset
from gankit.data.base import InMemoryImages
from gankit.metrics.two_sample import nearest_neighbour_accuracy


def flat_pixels(images: np.ndarray | torch.Tensor) -> np.ndarray:
    """uint8 images of any layout → N×D float32 in [0, 1]."""
    images = np.asarray(images)
    return images.reshape(len(images), -1).astype(np.float32) / 255.0


class PixelJudge:
    """A k-NN classifier on the pixels of labelled training images, and test images to compare
    samples with."""

    def __init__(self, train_images: torch.Tensor, train_labels: torch.Tensor,
                 test_images: torch.Tensor, test_labels: torch.Tensor, k: int = 5) -> None:
        self.test_images, self.test_labels = test_images, test_labels
        self.classes = int(train_labels.max()) + 1
        self.k = k
        self.classifier = KNeighborsClassifier(n_neighbors=k, n_jobs=1)
        self.classifier.fit(flat_pixels(train_images), np.asarray(train_labels))

    @classmethod
    def for_dataset(cls, dataset: str, k: int = 5) -> PixelJudge:
        """The judge of a dataset with train and test splits (fashion-mnist, mnist)."""
        train = load_dataset(dataset, {"split": "train"})
        test = load_dataset(dataset, {"split": "test"})
        # datasets with splits (mnist, fashion-mnist, ...) are labelled in-memory images
        assert isinstance(train, InMemoryImages) and train.labels is not None
        assert isinstance(test, InMemoryImages) and test.labels is not None
        return cls(train.images, train.labels, test.images, test.labels, k)

    def predict(self, images: np.ndarray | torch.Tensor) -> np.ndarray:
        return self.classifier.predict(flat_pixels(images))

    def test_accuracy(self) -> float:
        return float(np.mean(self.predict(self.test_images) == np.asarray(self.test_labels)))

    def score(self, images: np.ndarray | torch.Tensor) -> dict:
        """The two-sample test against as many test images as samples, and the class shares."""
        fake = flat_pixels(images)
        real = flat_pixels(self.test_images[:len(fake)])
        two_sample = nearest_neighbour_accuracy(torch.from_numpy(real), torch.from_numpy(fake))
        shares = class_shares(self.classifier.predict(fake), self.classes)
        return {"judge": f"pixels: 1-NN two-sample vs test, {self.k}-NN classes",
                "judge_1nn_accuracy": two_sample["accuracy"],
                "judge_1nn_fake_accuracy": two_sample["fake_accuracy"],
                "judge_class_shares": [round(float(s), 4) for s in shares],
                "judge_min_class_share": float(shares.min())}


def class_shares(labels: np.ndarray, classes: int) -> np.ndarray:
    """The fraction of `labels` in each of `classes` classes."""
    return np.bincount(np.asarray(labels), minlength=classes)[:classes] / max(len(labels), 1)
