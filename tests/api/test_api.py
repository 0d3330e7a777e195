import gankit


def test_train_resume_sample(tmp_path):
    run = gankit.train("ns-ring", steps=4, batch_size=8, net_options__g_hidden=8,
                       net_options__d_hidden=8, log={"progress": False, "tensorboard": False},
                       out=str(tmp_path / "r"), device="cpu")
    assert (run / "checkpoints" / "last.pt").is_file()
    gankit.resume(run, steps=6)
    points = gankit.sample(run, n=10, device="cpu")
    assert points.shape == (10, 2)
    assert gankit.sample(run, n=10, device="cpu").equal(points)  # same seed, same samples
    assert callable(gankit.train)  # not shadowed by a subpackage of the same name
