"""benchmarks/seqgan_capture.py times rounds of the official discriminator schedule in both modes
(on a CPU both are eager: the script must still run and count the round's D steps)."""

SMALL = ["data_options.random_init=true", "data_options.n=64", "data_options.vocab=30",
         "data_options.hidden=6", "data_options.length=5", "z_dim=5",
         "net_options.filter_sizes=[1,2]", "net_options.filter_counts=[3,3]",
         "objective_options.rollouts=1"]


def test_a_round_is_timed_and_its_d_steps_counted(load_script):
    capture = load_script("seqgan_capture")
    row = capture.rounds_per_second("cpu", True, 1, SMALL)
    assert row["d_steps_per_round"] == 3 * 1  # 3 epochs of one batch of 64 negatives
    assert row["cuda_graphs"] is True and row["seconds_per_round"] > 0
    assert row["d_steps_per_second"] == row["d_steps_per_round"] / row["seconds_per_round"]
