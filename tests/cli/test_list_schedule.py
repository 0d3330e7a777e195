"""`gankit list --schedule PRESET [key=value ...]`: each update, what it trains, when it runs, and
the loss parts it sums with their weights and where their code is."""

import pytest

from gankit.cli.main import main


def listed(capsys, *args):
    assert main(["list", "--schedule", *args]) == 0
    return capsys.readouterr().out.splitlines()


def test_the_game_with_an_eager_and_a_lazy_penalty(capsys):
    lines = listed(capsys, "ns-ring", "n_critic=2",
                   "penalties=[{name: gp, weight: 10}, {name: r1, weight: 2, every: 16}]")
    assert lines[0] == "schedule of ns-ring: objective ns, wrappers none, 5000 rounds"
    assert lines[1] == ("  critic: trains critic, 2 times a round, a fresh real batch, G(z), "
                        "steps optimiser d")
    assert lines[2].startswith("    + objective (x 1): gankit.objectives.non_saturating:"
                               "NonSaturating.critic_loss")
    assert lines[3] == "    + penalty/gp (x 10): gankit.penalties.gp:GradientPenalty"
    assert lines[4] == ("  lazy_r1: trains critic, after every 16th run of critic, the last "
                        "real batch, steps optimiser d")
    assert lines[5] == "    + penalty/r1 (x 32): gankit.penalties.r1:R1"  # weight 2 x every 16
    assert lines[6].startswith("  generator: trains generator, once a round, the last real batch")


def test_wrappers_show_their_parts(capsys):
    lines = listed(capsys, "ogan-cond-fashion-mnist", "data=digits", "net=mlp")
    text = "\n".join(lines)
    assert "wrappers ogan, acgan" in lines[0]
    assert "    + ogan/correlation (x 0.5): gankit.objectives.ogan.wrapper:OGAN.correlation" in text
    assert "    + acgan/fake (measured only): gankit.objectives.acgan:fake_classes" in text
    assert "  diag: trains nothing, after every 50th run of generator, no real batch" in text


def test_before_game_updates_and_a_joint_update(capsys):
    magan = listed(capsys, "magan-ring")
    assert magan[1].startswith("  pretrain_critic: trains critic, 200 steps before the game")
    joint = "\n".join(listed(capsys, "gan-qp-ring", "wrappers.ogan.schedule=joint", "z_dim=4",
                             "n_critic=1"))
    assert "  joint: trains both, once a round, a fresh real batch, G(z), steps optimiser d and g" \
        in joint
    assert "    + ogan/critic (x 1): gankit.objectives.ogan.schedules:JointCritic" in joint


@pytest.mark.parametrize("args, message", [
    (["--schedule", "nope"], "unknown preset 'nope'"),
    (["--schedule", "ns-ring", "wrappers.nope={}"], "unknown wrapper 'nope'"),
    (["n_critic=2"], "key=value overrides go with --schedule PRESET"),
])
def test_bad_input_is_one_line(capsys, args, message):
    assert main(["list", *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_list_names_the_wrappers(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "wrappers:\n  acgan " in out and "\n  ogan " in out


def test_a_batch_step_before_the_parts_and_a_projection_after(capsys):
    cycle = "\n".join(listed(capsys, "cyclegan-edges-fashion-mnist"))
    assert ("    first, the batch through gankit.objectives.image2image.cycle:"
            "CycleGAN.target_history\n    + objective (x 1)") in cycle
    assert "    + cyclegan/cycle (x 10): gankit.objectives.image2image.cycle:cycle_terms" in cycle
    assert "    + cyclegan/identity (x 5)" in cycle
    wgan = "\n".join(listed(capsys, "wgan-ring"))
    assert "    then, the trained net through gankit.objectives.wgan:clip_parameters" in wgan
