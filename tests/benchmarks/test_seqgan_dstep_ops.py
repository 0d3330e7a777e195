"""benchmarks/seqgan_dstep_ops.py counts the operations of one SeqGAN D step: one pass over real
and fake together and a fused Adam each issue fewer than the step without them."""


def test_each_change_to_the_d_step_issues_fewer_operations(load_script):
    ops = load_script("seqgan_dstep_ops")
    counts = [ops.operations(ops.d_step("stacked", d_batch, fused))
              for d_batch, fused in [("separate", False), ("joint", False), ("joint", True)]]
    assert counts[0] > counts[1] > counts[2] > 50, counts
