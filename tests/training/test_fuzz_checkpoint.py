"""Property: any file read as a checkpoint gives gankit's payload or a one-line GankitError, and
a run whose checkpoint holds anything opens its generator or says, in one line, why not.
(The examples below once escaped as IndexError, KeyError, TypeError, struct.error or OSError.)
"""

import copy
import io
import tempfile
from pathlib import Path

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from gankit.cli.main import main
from gankit.core.errors import GankitError
from gankit.training.checkpoints.files import FORMAT, read_checkpoint, save_checkpoint
from gankit.use.runs import TrainedGenerator, open_generator

ESCAPES: tuple[type[Exception], ...] = ()  # every failure is a GankitError
PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
    | st.builds(torch.zeros, st.integers(0, 3)),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8)


def read(data: bytes, allowed: tuple[type[Exception], ...] = ()) -> dict | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "last.pt"
        path.write_bytes(data)
        try:
            payload = read_checkpoint(path)
        except GankitError as error:
            assert "\n" not in str(error)
            return None
        except allowed:
            return None
    assert isinstance(payload, dict) and payload["format"] == FORMAT
    return payload


def saved(obj) -> bytes:
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return buffer.getvalue()


GOOD = saved({"format": FORMAT, "step": 3, "fingerprint": {"net": "mlp"},
              "generator": {"w": torch.arange(6.0).view(2, 3)}})


@settings(max_examples=150)
@given(PLAIN, st.booleans())
def test_any_saved_object(obj, as_checkpoint):
    if as_checkpoint and isinstance(obj, dict):
        obj = {**obj, "format": FORMAT}
    payload = read(saved(obj))
    if payload is not None:
        assert payload.keys() == obj.keys()


@settings(max_examples=150)
@given(st.binary(max_size=300))
def test_any_bytes(raw):
    read(raw, ESCAPES)


@settings(max_examples=200)
@given(st.integers(0, len(GOOD) - 1), st.integers(1, 255), st.booleans())
def test_damaged_checkpoint(where, flip, cut):
    data = bytearray(GOOD)
    if cut:
        del data[where:]
    else:
        data[where] ^= flip
    read(bytes(data), ESCAPES)


@pytest.mark.parametrize("data", [b"\x80", b"\x86", b"J\x00", b"s", b"h\x07", b"}}}s."])
def test_known_escapes(data):
    read(data)


@pytest.mark.parametrize("unreadable", ["name too long", "no permission"])
def test_unreadable_paths(tmp_path, monkeypatch, unreadable):
    path = tmp_path / ("x" * 300 if unreadable == "name too long" else "last.pt")
    if unreadable == "no permission":
        path.write_bytes(GOOD)
        monkeypatch.setattr(torch, "load", _refuse)
    with pytest.raises(GankitError):
        read_checkpoint(path)


def _refuse(path, *args, **kwargs):
    raise PermissionError(13, "Permission denied", str(path))


TINY = ["data=ring", "net=mlp", "net_options.g_hidden=8", "net_options.d_hidden=8", "z_dim=2",
        "batch_size=8", "steps=2", "ema=0.9", "log.progress=false", "log.tensorboard=false",
        "device=cpu"]


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    run = tmp_path_factory.mktemp("fuzz") / "run"
    assert main(["train", *TINY, f"out={run}"]) == 0
    good = read_checkpoint(run / "checkpoints" / "last.pt")
    yield run, good
    save_checkpoint(run / "checkpoints" / "last.pt", good)


def key_paths(obj, prefix=()):
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield prefix + (key,)
            yield from key_paths(value, prefix + (key,))


def mutate(payload: dict, path: tuple, delete: bool, value) -> None:
    target = payload
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value


@settings(max_examples=50)
@given(st.data())
def test_opening_any_checkpoint_contents(tiny_run, data):
    run, good = tiny_run
    payload = {k: copy.deepcopy(v) for k, v in good.items() if k != "format"}
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(key_paths(payload))))
        mutate(payload, path, data.draw(st.booleans()), data.draw(PLAIN))
    save_checkpoint(run / "checkpoints" / "last.pt", payload)
    try:
        assert isinstance(open_generator(run, data.draw(st.booleans()), "cpu"), TrainedGenerator)
    except GankitError as error:
        assert "\n" not in str(error)
