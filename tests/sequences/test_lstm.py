"""The LSTM language model: teacher forcing, step-by-step states and completions agree."""

import torch

from gankit.sequences.lstm import START_TOKEN, TokenLSTM


def net(vocab=7, seed=0):
    torch.manual_seed(seed)
    return TokenLSTM(vocab, 4, 5)


def test_prefix_states_match_teacher_forcing():
    lstm = net()
    tokens = torch.randint(0, 7, (3, 6))
    logits = lstm.logits(tokens)
    for t, (step_logits, _) in enumerate(lstm.prefix_states(tokens)):
        torch.testing.assert_close(step_logits, logits[:, t])


def test_first_input_is_the_start_token():
    lstm = net()
    tokens = torch.randint(0, 7, (2, 4))
    assert lstm.inputs(tokens)[:, 0].tolist() == [START_TOKEN] * 2
    assert torch.equal(lstm.inputs(tokens)[:, 1:], tokens[:, :-1])


def test_log_probs_are_normalised():
    lstm = net(vocab=3)
    # All 3² sequences of length 2: their probabilities sum to one.
    seqs = torch.cartesian_prod(torch.arange(3), torch.arange(3))
    total = lstm.log_probs(seqs).sum(dim=1).exp().sum()
    torch.testing.assert_close(total, torch.tensor(1.0))


def test_completion_keeps_the_prefix_and_matches_sampling():
    lstm = net()
    u = torch.rand(4, 6, dtype=torch.float64, generator=torch.Generator().manual_seed(3))
    with torch.no_grad():
        full = lstm.sample(u)
        logits, state = lstm.prefix_states(full)[2]
        done = lstm.complete(full[:, :2], logits, state, 6, lambda t: u[:, t])
    assert torch.equal(done, full)  # same uniforms after the same prefix: the same sequence
    with torch.no_grad():
        other = lstm.complete(full[:, :2], logits, state, 6, lambda t: 1 - u[:, t])
    assert torch.equal(other[:, :2], full[:, :2])
