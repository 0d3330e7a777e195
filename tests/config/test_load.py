import pytest
import yaml

from gankit.config.load import config_to_yaml, load_config
from gankit.config.presets import preset_names
from gankit.core.errors import GankitError, GankitWarning


def test_objective_paper_defaults_sit_under_overrides():
    config = load_config(None, ["objective=wgan"])
    assert config.n_critic == 5 and config.d_opt.name == "rmsprop"
    assert config.d_opt.lr == pytest.approx(5e-5)
    config = load_config(None, ["objective=wgan", "n_critic=2", "d_opt.lr=1e-3"])
    assert config.n_critic == 2 and config.d_opt.lr == pytest.approx(1e-3)
    assert config.d_opt.name == "rmsprop"


def test_component_options_are_validated_and_filled():
    config = load_config(None, ["objective=lsgan", "objective_options.a=0"])
    assert set(config.objective_options) >= {"a", "b", "c"} and config.objective_options["a"] == 0
    with pytest.raises(GankitError, match="objective_options.zz"):
        load_config(None, ["objective=lsgan", "objective_options.zz=1"])
    with pytest.raises(GankitError, match="net_options"):
        load_config(None, ["net_options.nope=1"])


@pytest.mark.parametrize("override, message", [
    ("objective=nope", "unknown objective 'nope'"),
    ("data=ringg", "did you mean 'ring'"),
    ("net=mlpp", "unknown net"),
    ("steps=0", "steps must be at least 1"),
    ("log.phase_checkpoint_every=-1", "log.phase_checkpoint_every must be >= 0"),
    ("log.phase_every=-1", "log.phase_every must be >= 0 \\(0 takes log.every\\)"),
    ("cuda_graphs=maybe", "cuda_graphs must be"),
    ("batch_size=abc", "batch_size must be an integer"),
    ("precision=fp16", "precision='fp16' is not allowed"),
    ("penalties=[{name: nope}]", "unknown penalty 'nope'"),
    ("bogus=1", "unknown key 'bogus'"),
])
def test_bad_values_give_one_line(override, message):
    with pytest.raises(GankitError, match=message) as info:
        load_config(None, [override])
    assert "\n" not in str(info.value)


def test_unknown_preset_lists_presets():
    with pytest.raises(GankitError, match="unknown preset 'nope'"):
        load_config("nope", [])


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_resolves(name):
    config = load_config(name, ["steps=3"])
    assert config.preset == name and config.steps == 3


def test_yaml_file_with_extends(tmp_path):
    (tmp_path / "base.yaml").write_text("data: grid\nsteps: 7\n")
    (tmp_path / "mine.yaml").write_text("extends: base\nobjective: hinge\n")
    config = load_config(str(tmp_path / "mine.yaml"), [])
    assert (config.data, config.steps, config.objective) == ("grid", 7, "hinge")


def test_bad_yaml_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("steps: [1,\n")
    with pytest.raises(GankitError, match="not valid YAML"):
        load_config(str(path), [])
    with pytest.raises(GankitError, match="does not exist"):
        load_config(str(tmp_path / "missing.yaml"), [])


def test_resolved_yaml_reloads_identically(tmp_path):
    config = load_config(None, ["objective=wgan-gp", "data=grid"])
    path = tmp_path / "config.yaml"
    path.write_text(config_to_yaml(config))
    assert yaml.safe_load(path.read_text())["n_critic"] == 5
    assert load_config(str(path), []) == config


@pytest.mark.parametrize("extends, message", [
    ("[a, b]", "extends must name a preset or a YAML file, got ['a', 'b']"),
    ("{a: 1}", "extends must name a preset or a YAML file, got {'a': 1}"),
    ("3", "extends must name a preset or a YAML file, got 3"),
    ("''", "extends must name a preset or a YAML file, got ''"),
    ("x" * 300, "which is neither a preset nor a file beside it"),  # too long to look up
])
def test_extends_must_name_a_preset_or_file(tmp_path, extends, message):
    path = tmp_path / "mine.yaml"
    path.write_text(f"extends: {extends}\nsteps: 3\n")
    with pytest.raises(GankitError) as info:
        load_config(str(path), [])
    assert message in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("overrides, culprit", [
    (["objective=wgan-gp", "net=dcgan", "data=fashion-mnist"], "objective 'wgan-gp'"),
    (["net=infogan", "data=fashion-mnist", "penalties=[{name: r1}]"], "penalty 'r1'"),
    (["net=mlp", "net_options.d_norm=batch", "penalties=[{name: dragan}]"], "penalty 'dragan'"),
])
def test_gradient_penalties_refuse_batch_norm_critics(overrides, culprit):
    with pytest.raises(GankitError, match="net_options.d_norm=layer") as error:
        load_config(None, overrides)
    assert str(error.value).startswith(culprit) and "\n" not in str(error.value)


def test_gradient_penalties_take_layer_norm_critics():
    config = load_config(None, ["objective=wgan-gp", "net=dcgan", "data=fashion-mnist",
                                "net_options.d_norm=layer"])
    assert config.net_options["d_norm"] == "layer"


# ---- wrappers, and the keys they replace (read for one release) --------------------------------

OLD_AND_NEW = [
    (["encoder.enabled=true", "encoder.weight=0.3", "encoder.update=joint", "z_dim=4"],
     ["wrappers.ogan.weight=0.3", "wrappers.ogan.schedule=joint", "z_dim=4"]),
    (["data=digits", "conditional=true", "net_options.conditioning=acgan", "acgan_weight=0.5",
      "acgan_critic_fakes=false"],
     ["data=digits", "conditional=true", "net_options.conditioning=acgan",
      "wrappers.acgan.weight=0.5", "wrappers.acgan.critic_fakes=false"]),
]


@pytest.mark.parametrize("old, new", OLD_AND_NEW)
def test_old_keys_give_the_new_config_with_one_warning(old, new):
    with pytest.warns(GankitWarning, match="deprecated") as caught:
        from_old = load_config("gan-qp-ring", old)
    assert len(caught) == 1
    assert from_old == load_config("gan-qp-ring", new)


def test_old_keys_that_changed_nothing_are_dropped_silently(recwarn):
    config = load_config("ns-ring", ["encoder.enabled=false", "encoder.weight=0.3",
                                     "acgan_weight=1.0", "acgan_critic_fakes=true"])
    assert config.wrappers == {} and not recwarn.list


def test_an_old_acgan_setting_without_an_acgan_critic_is_an_error_now():
    with pytest.warns(GankitWarning), pytest.raises(GankitError, match="needs a critic with a "
                                                                        "class head"):
        load_config("ns-ring", ["acgan_weight=2"])  # it did nothing before: now it says so


def test_an_acgan_critic_brings_its_wrapper_with_defaults():
    config = load_config("cgan-ring", ["net_options.conditioning=acgan"])
    assert config.wrappers == {"acgan": {"weight": 1.0, "critic_fakes": True}}
    assert load_config("cgan-ring", []).wrappers == {}  # concat critics have no class head


@pytest.mark.parametrize("items, message", [
    (["wrappers.acgan.weight=1"], "wrappers.acgan needs a critic with a class head"),
    (["objective=ebgan", "wrappers.ogan.weight=1"], "wrappers.ogan needs an objective whose"),
    (["wrappers.ogan.weight=1", "z_dim=2"], "wrappers.ogan needs z_dim of at least 3"),
    (["wrappers.ogan.schedule=sometimes"], "wrappers.ogan.schedule"),
    (["wrappers=[ogan]"], "wrappers"),
    (["wrappers.ogan=3"], "wrappers.ogan must be a mapping"),
])
def test_wrapper_mistakes_are_one_line(items, message):
    with pytest.raises(GankitError, match=message):
        load_config("ns-ring", items)


def test_an_old_key_on_the_command_line_overrides_a_preset_in_new_keys():
    with pytest.warns(GankitWarning, match="wrappers.ogan.weight=0.0"):
        config = load_config("ogan-fashion-mnist", ["encoder.weight=0.0"])
    assert config.wrappers["ogan"] == {"weight": 0.0, "score": "mean", "schedule": "joint"}
    with pytest.warns(GankitWarning, match="wrappers.acgan.weight=0.5"):
        config = load_config("acgan-fashion-mnist", ["acgan_weight=0.5"])
    assert config.wrappers["acgan"] == {"weight": 0.5, "critic_fakes": False}


def test_a_new_key_on_the_command_line_overrides_an_old_style_file(tmp_path):
    path = tmp_path / "old.yaml"
    path.write_text("extends: gan-qp-ring\nz_dim: 4\nencoder: {enabled: true, weight: 0.3}\n")
    with pytest.warns(GankitWarning, match="encoder.enabled, encoder.weight: deprecated"):
        config = load_config(str(path), ["wrappers.ogan.weight=0.7"])
    assert config.wrappers["ogan"]["weight"] == 0.7
