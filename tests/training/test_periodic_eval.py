"""Evaluation during training: eval/ scalars, best.pt and best.json, and no effect on training."""

import json

import pytest
import torch

from gankit.config.load import load_config
from gankit.core.errors import GankitError
from gankit.training.checkpoints.files import read_checkpoint
from gankit.training.runs import resume_run, start_run
from gankit.use.evaluate import evaluate_run


def overrides(tiny, out, *extra):
    return [o for o in tiny if not o.startswith("out=")] + [f"out={out}", *extra]


def fit(tiny, out, *extra):
    trainer = start_run(load_config(None, overrides(tiny, out, "ema=0.9", *extra)))
    trainer.fit()
    return trainer


def eval_lines(run):
    lines = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    return [line for line in lines if line.get("event") == "eval"]


def weights(trainer):
    p = trainer.parts
    return {**{f"g.{k}": v for k, v in p.generator.state_dict().items()},
            **{f"d.{k}": v for k, v in p.critic.state_dict().items()},
            **{f"ema.{k}": v for k, v in p.ema.model.state_dict().items()}}


def test_eval_does_not_change_training(tmp_path, tiny_ring_overrides):
    off = fit(tiny_ring_overrides, tmp_path / "off", "steps=12")
    on = fit(tiny_ring_overrides, tmp_path / "on", "steps=12", "eval.every=3", "eval.n=200")
    a, b = weights(off), weights(on)
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    assert torch.equal(off.draws.rng.get_state(), on.draws.rng.get_state())
    assert torch.equal(off.draws.data_rng.get_state(), on.draws.data_rng.get_state())
    assert [line["step"] for line in eval_lines(tmp_path / "on")] == [3, 6, 9, 12]
    assert eval_lines(tmp_path / "off") == []


def test_best_checkpoint_and_json(tmp_path, tiny_ring_overrides):
    run = tmp_path / "run"
    fit(tiny_ring_overrides, run, "steps=12", "eval.every=3", "eval.n=300")
    lines = eval_lines(run)
    assert {"eval/modes", "eval/high_quality", "eval/kl", "eval/mode_score"} <= set(lines[0])
    best = json.loads((run / "best.json").read_text())
    scores = [line["eval/mode_score"] for line in lines]
    assert best["metric"] == "mode_score" and best["better"] == "higher"
    assert best["value"] == max(scores)
    assert best["step"] == lines[scores.index(max(scores))]["step"]
    payload = read_checkpoint(run / "checkpoints" / "best.pt")
    assert payload["best"] == {k: best[k] for k in ("metric", "value", "step", "better")}
    assert payload["step"] == best["step"]
    # `gankit eval` at the same seed and n reproduces the number training logged
    again, step = evaluate_run(run, n=300, checkpoint="best", device="cpu")
    assert step == best["step"] and again["mode_score"] == best["value"]


def test_lower_is_better_metric_and_keep_best_off(tmp_path, tiny_ring_overrides):
    fit(tiny_ring_overrides, tmp_path / "inf", "steps=2", "eval.every=2", "eval.n=200",
        "eval.metric=kl")
    assert eval_lines(tmp_path / "inf")[0]["eval/kl"] is None  # no high-quality sample yet
    assert not (tmp_path / "inf" / "best.json").exists()  # an infinite KL is never a best
    fit(tiny_ring_overrides, tmp_path / "kl", "steps=6", "eval.every=2", "eval.n=200",
        "eval.metric=kl", "data_options.sigma=1")  # wide modes: every sample counts
    kls = [line["eval/kl"] for line in eval_lines(tmp_path / "kl")]
    best = json.loads((tmp_path / "kl" / "best.json").read_text())
    assert best["better"] == "lower" and best["value"] == min(kls)
    fit(tiny_ring_overrides, tmp_path / "off", "steps=4", "eval.every=2", "eval.n=200",
        "eval.keep_best=false")
    assert len(eval_lines(tmp_path / "off")) == 2
    assert not (tmp_path / "off" / "best.json").exists()
    assert not (tmp_path / "off" / "checkpoints" / "best.pt").exists()


def test_resume_keeps_the_stored_best(tmp_path, tiny_ring_overrides):
    run = tmp_path / "run"
    fit(tiny_ring_overrides, run, "steps=4", "eval.every=2", "eval.n=200")
    best = json.loads((run / "best.json").read_text())
    best["value"] = 2.0  # better than any mode_score can be
    (run / "best.json").write_text(json.dumps(best))
    resume_run(run, ["steps=8"]).fit()
    assert json.loads((run / "best.json").read_text())["value"] == 2.0
    assert [line["step"] for line in eval_lines(run)] == [2, 4, 6, 8]


def test_eval_can_be_turned_on_when_resuming(tmp_path, tiny_ring_overrides):
    run = tmp_path / "run"
    fit(tiny_ring_overrides, run, "steps=4")
    resume_run(run, ["steps=6", "eval.every=2", "eval.n=100"]).fit()
    assert [line["step"] for line in eval_lines(run)] == [6]
    assert (run / "best.json").is_file()


def test_tensorboard_gets_eval_scalars(tmp_path, tiny_ring_overrides):
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    extra = [o for o in tiny_ring_overrides if not o.startswith("log.tensorboard")]
    fit(extra, tmp_path / "run", "steps=4", "eval.every=2", "eval.n=100")
    events = EventAccumulator(str(tmp_path / "run" / "tensorboard"))
    events.Reload()
    tags = set(events.Tags()["scalars"])
    assert {"eval/modes", "eval/high_quality", "eval/mode_score"} <= tags
    assert [e.step for e in events.Scalars("eval/modes")] == [2, 4]
    assert "eval/seed" not in tags and "eval/n" not in tags


IMAGES = ["data=digits", "data_options.limit=64", "net=dcgan", "net_options.width=8",
          "data_options.image_size=28", "steps=2", "batch_size=8", "log.progress=false",
          "log.tensorboard=false", "device=cpu", "eval.every=1", "eval.n=20"]


def test_image_run_without_classifier_fails_before_writing(tmp_path, empty_cache):
    with pytest.raises(GankitError, match="gankit train-classifier --data digits") as info:
        start_run(load_config(None, IMAGES + [f"out={tmp_path / 'img'}"]))
    assert "\n" not in str(info.value)
    assert not (tmp_path / "img").exists()


def test_image_run_with_classifier(tmp_path, classifier_cache):
    run = tmp_path / "img"
    start_run(load_config(None, IMAGES + [f"out={run}"])).fit()
    lines = eval_lines(run)
    assert [line["step"] for line in lines] == [1, 2]
    assert lines[0]["eval/extractor"].startswith("classifier:digits:")
    assert lines[0]["eval/n_fake"] == 20
    assert json.loads((run / "best.json").read_text())["metric"] == "fid"


def test_metric_must_suit_the_data(tmp_path, tiny_ring_overrides, empty_cache):
    with pytest.raises(GankitError, match="eval.metric=fid does not apply to ring"):
        start_run(load_config(None, overrides(tiny_ring_overrides, tmp_path / "x",
                                              "eval.every=2", "eval.metric=fid")))
    with pytest.raises(GankitError, match="eval.metric=kl does not apply to digits"):
        start_run(load_config(None, IMAGES + ["eval.metric=kl", f"out={tmp_path / 'x'}"]))
    assert not (tmp_path / "x").exists()
