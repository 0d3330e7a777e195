"""The run logger's averages: each update's terms summed as one tensor, read at the flush as
the mean of every term (and of the update's total loss) since the last one."""

import json

import pytest
import torch

from gankit.core.step import Terms
from gankit.training.logger import RunLogger
from gankit.training.run_dir import RunDir


@pytest.fixture
def logger(tmp_path):
    made = RunLogger(RunDir(tmp_path), total_steps=10, start_step=0, tensorboard=False,
                     progress=False)
    yield made
    made.close()


def terms(real, fake, accuracy):
    return Terms({"real": torch.tensor(real), "fake": torch.tensor(fake)},
                 {"accuracy": torch.tensor(accuracy)})


def test_the_flush_writes_each_terms_mean_in_the_order_first_seen(logger, tmp_path):
    logger.accumulate("d", terms(1.0, 2.0, 0.5))
    logger.accumulate("g", Terms({"adv": torch.tensor(4.0)}))
    logger.accumulate("d", terms(3.0, 6.0, 1.0))
    assert logger.pending()
    means = logger.flush_scalars(step=2, extra={"steps_per_s": 7.0})
    assert means == {"d/real": 2.0, "d/fake": 4.0, "d/accuracy": 0.75, "d/loss": 6.0,
                     "g/adv": 4.0, "g/loss": 4.0, "steps_per_s": 7.0}
    line = json.loads((tmp_path / "metrics.jsonl").read_text())
    assert list(line) == ["step", *means, "at"] and line["step"] == 2
    assert not logger.pending() and logger.flush_scalars(3, {}) == {}


def test_an_update_whose_terms_change_keeps_each_terms_own_count(logger):
    logger.accumulate("d", Terms({"real": torch.tensor(1.0)}))
    logger.accumulate("d", Terms({"real": torch.tensor(3.0), "gp": torch.tensor(10.0)}))
    means = logger.flush_scalars(step=2, extra={})
    assert means == {"d/real": 2.0, "d/loss": 7.0, "d/gp": 10.0}


def test_a_rewind_drops_what_was_accumulated(logger):
    logger.accumulate("d", terms(1.0, 2.0, 0.5))
    logger.rewind(0)
    assert not logger.pending()


def test_trim_ends_the_file_with_a_newline_a_crash_cut_off(tmp_path):
    from gankit.training.logger import append_jsonl, trim_metrics

    path = tmp_path / "metrics.jsonl"
    path.write_text('{"at": 1}\n{"at": 2}')  # whole lines, the last one's newline lost
    trim_metrics(path, 5)
    append_jsonl(path, {"x": 1.0, "at": 3})
    assert [json.loads(line)["at"] for line in path.read_text().splitlines()] == [1, 2, 3]
    path.write_text('{"at": 1}\n{"at": 2')  # a line cut short is dropped
    trim_metrics(path, 5)
    assert path.read_text() == '{"at": 1}\n'
