import pytest

from gankit.config.load import config_to_yaml, load_config, load_run_config
from gankit.core.errors import GankitError


def test_defaults_and_overrides():
    config = load_config(None, [])
    assert (config.eval.every, config.eval.n, config.eval.metric) == (0, None, "auto")
    assert config.eval.features == "domain-classifier" and config.eval.keep_best
    config = load_config(None, ["eval.every=100", "eval.n=500", "eval.metric=kl"])
    assert (config.eval.every, config.eval.n, config.eval.metric) == (100, 500, "kl")


@pytest.mark.parametrize("override, message", [
    ("eval.metric=fidd", "eval.metric='fidd' is not allowed (did you mean 'fid'?); choose one of:"),
    ("eval.features=incepton", "eval.features='incepton' is not allowed"),
    ("eval.every=-1", "eval.every must be >= 0"),
    ("eval.n=0", "eval.n must be at least 1"),
    ("eval.evry=5", "unknown key 'eval.evry'"),
])
def test_bad_eval_values_give_one_line(override, message):
    with pytest.raises(GankitError) as info:
        load_config(None, [override])
    assert message in str(info.value) and "\n" not in str(info.value)


def test_eval_may_change_on_resume(tmp_path):
    (tmp_path / "config.yaml").write_text(config_to_yaml(load_config(None, [])))
    assert load_run_config(tmp_path, ["eval.every=5"]).eval.every == 5
