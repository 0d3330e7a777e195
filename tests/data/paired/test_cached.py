"""Edge maps are computed once per set of images and settings, then read from the cache; a
damaged file is computed again, and a cache that cannot be written only costs the time."""

import torch

from gankit.data.paired import cached
from gankit.data.paired.cached import cached_sources


def images(seed=0, n=6):
    return torch.randint(0, 256, (n, 1, 8, 8), dtype=torch.uint8,
                         generator=torch.Generator().manual_seed(seed))


def counting(result):
    calls = []

    def make():
        calls.append(1)
        return result

    return make, calls


def test_computed_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("GANKIT_CACHE", str(tmp_path))
    sources = images(1)
    make, calls = counting(sources)
    first = cached_sources("edges", images(), "sigma=1", make, smallest=1)
    second = cached_sources("edges", images(), "sigma=1", make, smallest=1)
    assert len(calls) == 1 and first.equal(sources) and second.equal(sources)
    cached_sources("edges", images(), "sigma=2", make, smallest=1)  # other settings
    cached_sources("edges", images(seed=5), "sigma=1", make, smallest=1)  # other images
    assert len(calls) == 3
    assert len(list((tmp_path / "pairs").glob("edges-*.npz"))) == 3


def test_a_damaged_or_mismatched_file_is_computed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("GANKIT_CACHE", str(tmp_path))
    make, calls = counting(images(1))
    cached_sources("edges", images(), "s", make, smallest=1)
    (path,) = (tmp_path / "pairs").glob("*.npz")
    path.write_bytes(path.read_bytes()[:40])
    assert cached_sources("edges", images(), "s", make, smallest=1).equal(images(1))
    assert len(calls) == 2
    cached.write(path, images(1, n=2))  # sources of another count under the same key
    assert cached.read(path, 6) is None


def test_small_sets_are_not_kept_and_a_read_only_cache_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setenv("GANKIT_CACHE", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder")
    make, calls = counting(images(1))
    assert cached_sources("edges", images(), "s", make, smallest=1).equal(images(1))
    monkeypatch.setenv("GANKIT_CACHE", str(tmp_path / "c"))
    cached_sources("edges", images(), "s", make)  # 6 images: under SMALLEST
    assert not (tmp_path / "c").exists() and len(calls) == 2
