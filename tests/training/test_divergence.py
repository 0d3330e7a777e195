"""Divergence caught: a NaN or infinity stops the run at the step it appears (CPU) with one line,
or rolls back with lower learning rates; no checkpoint ever holds a NaN; metrics stay JSON."""

import json
import math

import pytest
import torch

from gankit.cli.main import main
from gankit.config.load import load_config
from gankit.core.step import Terms
from gankit.training.checkpoints.files import read_checkpoint
from gankit.training.divergence import Diverged, DivergenceGuard, finite_weights
from gankit.training.runs import start_run

EXPLODE = ["g_opt.lr=1e6", "d_opt.lr=1e6", "g_opt.name=sgd", "d_opt.name=sgd"]


def test_the_guard_names_the_first_non_finite_term():
    guard = DivergenceGuard(torch.device("cpu"))
    guard.terms("d", Terms({"real": torch.tensor(1.0)}))
    with pytest.raises(Diverged, match="the loss term d/fake"):
        guard.terms("d", Terms({"real": torch.tensor(1.0), "fake": torch.tensor(math.nan)}))
    net = torch.nn.Linear(2, 1)
    net.weight.grad = torch.full((1, 2), math.inf)
    with pytest.raises(Diverged, match="the gradients of g"):
        guard.gradients("g", list(net.parameters()))


def test_deferred_checks_wait_for_the_flush():
    guard = DivergenceGuard(torch.device("cpu"))
    guard.immediate = False  # as on a GPU: flags accumulate on the device until the flush
    guard.terms("d", Terms({"real": torch.tensor(math.inf)}))
    guard.terms("d", Terms({"real": torch.tensor(1.0)}))
    with pytest.raises(Diverged, match="the loss of d"):  # deferred: the update, not the term
        guard.raise_pending()
    guard.raise_pending()  # cleared


def test_step_flags_mark_a_non_finite_loss_and_non_finite_gradients():
    net = torch.nn.Linear(2, 1)
    net.weight.grad, net.bias.grad = torch.ones(1, 2), torch.ones(1)
    finite, bad = Terms({"real": torch.tensor(1.0)}), Terms({"real": torch.tensor(math.nan)})
    flags = DivergenceGuard.step_flags
    assert flags(finite, list(net.parameters())).tolist() == [False, False]
    assert flags(bad, list(net.parameters())).tolist() == [True, False]
    assert flags(finite, []).tolist() == [False, False]  # nothing trained, no gradients
    net.bias.grad = torch.full((1,), math.inf)
    assert flags(finite, list(net.parameters())).tolist() == [False, True]


def test_a_recorded_updates_flags_raise_at_once_on_a_cpu_and_at_the_flush_elsewhere():
    guard = DivergenceGuard(torch.device("cpu"))
    guard.add("d", torch.tensor([False, False]))
    with pytest.raises(Diverged, match="^the gradients of d$"):
        guard.add("d", torch.tensor([False, True]))
    guard.immediate = False
    replayed = torch.tensor([False, True])  # a graph's output, rewritten by the next replay
    guard.add("d", replayed)
    replayed.fill_(False)
    guard.add("d", replayed)
    guard.check("the loss of g", torch.tensor(math.inf))
    with pytest.raises(Diverged, match="^the gradients of d and the loss of g$"):
        guard.raise_pending()
    guard.raise_pending()  # cleared


def test_finite_weights():
    net = torch.nn.Linear(2, 1)
    assert finite_weights(net)
    with torch.no_grad():
        net.bias.fill_(math.nan)
    assert not finite_weights(net)


def all_tensors(value):
    if torch.is_tensor(value):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_tensors(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from all_tensors(item)


def no_nan_on_disk(run):
    for path in (run / "checkpoints").glob("step-*.pt"):
        for tensor in all_tensors(read_checkpoint(path)):
            assert not tensor.is_floating_point() or torch.isfinite(tensor).all(), path


def test_an_exploding_run_stops_within_one_step_with_one_line(tmp_path, tiny_ring_overrides,
                                                              capsys):
    assert main(["train", *tiny_ring_overrides, *EXPLODE, "steps=50"]) == 2
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if x.startswith("gankit: error:"))
    assert "training diverged at step" in line and "went non-finite first" in line
    assert "step-000000000.pt" in line and "Traceback" not in err
    step = int(line.split("at step ")[1].split(":")[0])
    assert step <= 2
    no_nan_on_disk(tmp_path / "run")


def test_rollback_lowers_the_learning_rates_and_finishes(tmp_path, tiny_ring_overrides, capsys):
    assert main(["train", *tiny_ring_overrides, *EXPLODE, "steps=20", "on_nan=rollback",
                 "max_rollbacks=20", "rollback_lr_factor=0.001"]) == 0
    err = capsys.readouterr().err
    assert "rolled back to step-000000000.pt" in err
    run = tmp_path / "run"
    payload = read_checkpoint(run / "checkpoints" / "last.pt")
    assert payload["step"] == 20 and payload["rollbacks"] >= 1 and payload["lr_scale"] < 1
    no_nan_on_disk(run)
    steps = [json.loads(line)["at"] for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert steps == sorted(set(steps))  # strict JSON, each step once


def test_rollbacks_in_a_row_back_off_faster_and_the_defaults_finish(tmp_path,
                                                                      tiny_ring_overrides, capsys):
    # Adam at lr 1e6 (the check): the n-th rollback in a row to step 0 multiplies the
    # rates by 0.5**n, so the scale after n is 0.5**(1 + 2 + ... + n)
    assert main(["train", *tiny_ring_overrides, "g_opt.lr=1e6", "d_opt.lr=1e6", "steps=20",
                 "on_nan=rollback"]) == 0
    err = capsys.readouterr().err
    scales = [float(part.split(" ")[0]) for part in err.split("learning rates x")[1:]]
    assert scales[:3] == [0.5, 0.125, 0.015625]
    assert all(math.isclose(s, 0.5 ** (n * (n + 1) / 2), rel_tol=1e-5)  # printed with %g
               for n, s in enumerate(scales, 1))
    payload = read_checkpoint(tmp_path / "run" / "checkpoints" / "last.pt")
    assert payload["step"] == 20
    assert payload["rollback_streak"] == [0, len(scales)]
    no_nan_on_disk(tmp_path / "run")


def test_too_many_rollbacks_stop(tmp_path, tiny_ring_overrides, capsys):
    assert main(["train", *tiny_ring_overrides, *EXPLODE, "steps=20", "on_nan=rollback",
                 "max_rollbacks=2", "rollback_lr_factor=0.9"]) == 2
    assert "training diverged" in capsys.readouterr().err


def test_non_finite_metrics_are_null_in_metrics_jsonl(tmp_path, tiny_ring_overrides):
    trainer = start_run(load_config(None, tiny_ring_overrides + ["steps=2"]))
    trainer.fit()
    trainer.logger = None
    from gankit.training.logger import append_jsonl

    append_jsonl(trainer.run_dir.metrics, {"step": 3, "x": math.nan, "y": math.inf})
    last = json.loads(trainer.run_dir.metrics.read_text().splitlines()[-1])
    assert last["x"] is None and last["y"] is None
