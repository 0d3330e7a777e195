"""Updates replayed as CUDA graphs (cuda_graphs=true): only capturable updates on CUDA devices
are recorded, a CPU run is unchanged by the option, and on a GPU the replayed discriminator steps
train the same weights as eager ones (the CUDA tests run where a GPU is present)."""

import pytest
import torch

from gankit.config.load import load_config
from gankit.core.step import StepBatch, Terms
from gankit.training.captured import WARMUP, CapturedUpdate, Recording, packed, unpacked
from gankit.training.divergence import Diverged
from gankit.training.runs import start_run

# SeqGAN on a random oracle, tiny: D takes the official sets and epochs of negatives, so batches
# of two shapes (the last batch of an epoch is short) reach the recorded update.
TINY = ["data=oracle", "data_options.random_init=true", "data_options.vocab=30",
        "data_options.hidden=6", "data_options.length=5", "data_options.n=40", "net=seqgan",
        "objective=seqgan", "z_dim=5", "batch_size=16", "net_options.filter_sizes=[1,2]",
        "net_options.filter_counts=[3,3]", "objective_options.mle_epochs=1",
        "objective_options.d_pretrain_epochs=4", "objective_options.rollouts=2",
        "objective_options.d_negative_sets=2", "objective_options.d_epochs=2", "steps=4",
        "log.every=2", "log.sample_every=100", "log.checkpoint_every=100", "log.progress=false",
        "log.tensorboard=false", "eval.every=0"]
needs_cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")


def trained(tmp_path, name, extra):
    trainer = start_run(load_config(None, TINY + extra + [f"out={tmp_path / name}"]))
    trainer.fit()
    return trainer


def weights(trainer):
    return {k: v.detach().cpu() for k, v in trainer.parts.critic.state_dict().items()}


def generator_weights(trainer):
    return {k: v.detach().cpu() for k, v in trainer.parts.generator.state_dict().items()}


def test_only_capturable_updates_on_cuda_are_recorded(tmp_path):
    trainer = start_run(load_config(None, TINY + ["device=cpu", "cuda_graphs=true",
                                                  f"out={tmp_path / 'run'}"]))
    assert trainer.updates.captured == {}  # a CPU has no graphs to replay
    capturable = {e.name for e in trainer.parts.schedule if e.capturable}
    assert capturable == {"mle", "pretrain_critic", "critic"}  # G's policy-gradient step stays eager


def test_the_option_changes_nothing_on_a_cpu(tmp_path):
    plain = trained(tmp_path, "plain", ["device=cpu"])
    graphs = trained(tmp_path, "graphs", ["device=cpu", "cuda_graphs=true"])
    a, b = weights(plain), weights(graphs)
    assert all(torch.equal(a[k], b[k]) for k in a)


@needs_cuda
@pytest.mark.parametrize("d_batch", ["separate", "joint"])
def test_replayed_steps_train_the_weights_eager_steps_do(tmp_path, d_batch):
    # no dropout: its masks come from different draws of the generator when replayed; 3 MLE
    # epochs, so that MLE steps are replayed too (after 3 eager ones of each batch shape)
    exact = ["device=cuda", "precision=fp32", "tf32=false", "net_options.dropout=0",
             "objective_options.mle_epochs=3", f"objective_options.d_batch={d_batch}",
             "d_opt.fused=true"]
    eager = trained(tmp_path, "eager", exact)
    graphs = trained(tmp_path, "graphs", exact + ["cuda_graphs=true"])
    recorded = graphs.updates.captured["critic"].recordings
    assert len(recorded) == 2  # full batches and the short last batch of each epoch
    assert len(graphs.updates.captured["mle"].recordings) == 1  # the short batch came 3 times only
    for read in (weights, generator_weights):
        a, b = read(eager), read(graphs)
        worst = max((a[k] - b[k]).abs().max().item() for k in a)
        assert worst < 1e-4, (read.__name__, worst)
    assert not torch.equal(a["head.weight"], weights(start_run(load_config(
        None, TINY + exact + [f"out={tmp_path / 'fresh'}"])))["head.weight"])  # D did train


@needs_cuda
def test_a_new_learning_rate_or_a_loaded_checkpoint_records_again(tmp_path):
    trainer = trained(tmp_path, "run", ["device=cuda", "cuda_graphs=true"])
    captured = trainer.updates.captured["critic"]
    old = {key: recording.graph for key, recording in captured.recordings.items()}
    trainer.config.d_opt.lr /= 2  # the next round's learning rate
    trainer.train_step()
    assert captured.recordings and all(r.lrs == captured.lrs() == [trainer.config.d_opt.lr]
                                       for r in captured.recordings.values())
    assert all(r.graph is not old.get(key) for key, r in captured.recordings.items())
    trainer.load_state_dict(trainer.state_dict())
    assert captured.recordings == {}


class Counting(CapturedUpdate):
    """The recording machinery replaced by counters: what __call__ decides, on any device."""

    def __init__(self, optimizer):
        super().__init__("critic", [optimizer], [])
        self.eager, self.recorded, self.replays = 0, [], 0

    def on_side_stream(self, step, batch):
        self.eager += 1
        return step(batch)

    def record(self, key, batch, step):
        self.recorded.append(key[0][0][0])  # the batch size
        recording = Recording(None, batch, ([], []), torch.zeros(0), torch.zeros(2, dtype=bool),
                              [], self.lrs())
        self.recordings[key] = recording
        return recording

    def replay(self, recording, batch):
        self.replays += 1
        return Terms(), recording.flags


def batch_of(n):
    return StepBatch(critic=None, real=torch.zeros(n, 3), fake=torch.zeros(n, 3),
                     z=torch.zeros(n, 2), round=0, rng=torch.Generator())


def test_each_batch_shape_warms_up_then_replays_and_a_new_rate_starts_over():
    optimizer = torch.optim.Adam([torch.nn.Parameter(torch.zeros(1))], lr=0.1)
    captured, eager_steps = Counting(optimizer), []
    for n in [4] * 5 + [2] * 4:
        captured(batch_of(n), eager_steps.append)
    assert (captured.eager, captured.recorded, captured.replays) == (2 * WARMUP, [4, 2], 3)
    optimizer.param_groups[0]["lr"] = 0.05
    for _ in range(WARMUP + 1):
        captured(batch_of(4), eager_steps.append)
    assert (captured.eager, captured.recorded, captured.replays) == (3 * WARMUP, [4, 2, 4], 4)
    assert len(eager_steps) == captured.eager


def test_a_capture_that_fails_warns_once_and_stays_eager(monkeypatch):
    class Refusing:
        def __enter__(self):
            raise RuntimeError("operation not permitted when stream is capturing")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(torch.cuda, "synchronize", lambda: None)
    monkeypatch.setattr(torch.cuda, "CUDAGraph", lambda: None)
    monkeypatch.setattr(torch.cuda, "graph", lambda graph: Refusing())
    parameter = torch.nn.Parameter(torch.zeros(1))
    captured = CapturedUpdate("d", [torch.optim.Adam([parameter])], [parameter])
    captured.on_side_stream = lambda step, batch: step(batch)
    steps = []
    for _ in range(WARMUP):
        captured(batch_of(4), steps.append)
    with pytest.warns(UserWarning, match="update d could not be recorded.*runs eagerly"):
        captured(batch_of(4), steps.append)
    captured(batch_of(4), steps.append)
    assert len(steps) == WARMUP + 2 and captured.failed and not captured.recordings



def test_an_optimiser_state_saved_while_replaying_resumes_on_a_cpu(tmp_path):
    trainer = trained(tmp_path, "run", ["device=cpu"])
    state = trainer.state_dict()
    for group in state["d_opt"]["param_groups"]:
        group["capturable"] = True  # as a GPU run with cuda_graphs saves it
    trainer.load_state_dict(state)
    assert not any(g.get("capturable") for g in trainer.parts.optimizers["d"].param_groups)
    trainer.train_step()  # a capturable Adam would refuse CPU parameters here


class Unrecorded(CapturedUpdate):
    """A replay without a graph: the step runs eagerly and its outputs come back as a replay's
    do (the terms packed into one tensor and unpacked, the flags as the step left them)."""

    def __call__(self, batch, step):
        terms, flags = step(batch)
        return unpacked(packed(terms).clone(), (list(terms.losses), list(terms.stats))), flags


def test_terms_pack_into_one_tensor_and_back():
    terms = Terms({"real": torch.tensor(1.5), "l2": torch.tensor(0.25, dtype=torch.bfloat16)},
                  {"accuracy": torch.tensor(0.75)})
    values = packed(terms)
    assert values.dtype == torch.float32 and values.tolist() == [1.5, 0.25, 0.75]
    back = unpacked(values, (["real", "l2"], ["accuracy"]))
    assert {k: v.item() for k, v in back.losses.items()} == {"real": 1.5, "l2": 0.25}
    assert {k: v.item() for k, v in back.stats.items()} == {"accuracy": 0.75}


def test_the_recorded_path_trains_and_logs_as_the_eager_one_on_a_cpu(tmp_path):
    # fp32: under bf16 autocast the recorded path's uncached weight casts round differently
    plain = trained(tmp_path, "plain", ["device=cpu", "precision=fp32"])
    trainer = start_run(load_config(None, TINY + ["device=cpu", "precision=fp32",
                                                  f"out={tmp_path / 'unrec'}"]))
    trainer.updates.captured = {name: Unrecorded(name, [trainer.parts.optimizers["d"]], [])
                        for name in ("pretrain_critic", "critic")}
    trainer.fit()
    a, b = weights(plain), weights(trainer)
    assert all(torch.equal(a[k], b[k]) for k in a)
    logged = [(tmp_path / name / "metrics.jsonl").read_text() for name in ("plain", "unrec")]
    assert logged[0].count("critic/accuracy") == logged[1].count("critic/accuracy") > 0


def test_a_recorded_update_that_diverges_stops_the_run_naming_it(tmp_path):
    trainer = start_run(load_config(None, TINY + ["device=cpu", "d_opt.name=sgd", "d_opt.lr=1e30",
                                                  f"out={tmp_path / 'run'}"]))
    trainer.updates.captured = {"pretrain_critic": Unrecorded("pretrain_critic", [trainer.parts.optimizers["d"]],
                                                 [])}
    with pytest.raises(Diverged, match="^the (loss|gradients) of pretrain_critic$"):
        for _ in range(trainer.total_steps()):
            trainer.train_step()
