import pytest
import torch

from gankit.training.ema import GeneratorEMA


def _net(value: float) -> torch.nn.Linear:
    net = torch.nn.Linear(1, 1, bias=False)
    torch.nn.init.constant_(net.weight, value)
    return net


def test_decay_warms_up_then_holds():
    ema = GeneratorEMA(_net(0.0), decay=0.99)
    assert ema.decay_at(0) == pytest.approx(0.1)
    assert ema.decay_at(10) == pytest.approx(11 / 20)
    assert ema.decay_at(10_000) == 0.99


def test_ema_moves_toward_weights_by_hand_values():
    net = _net(0.0)
    ema = GeneratorEMA(net, decay=0.9)
    torch.nn.init.constant_(net.weight, 1.0)
    ema.track(net, 1000)
    assert ema.model.weight.item() == pytest.approx(0.1)
    ema.track(net, 1001)
    assert ema.model.weight.item() == pytest.approx(0.19)
    ema.track(net, 0)  # decay 0.1 at step 0: 0.19 + 0.9 * (1 - 0.19)
    assert ema.model.weight.item() == pytest.approx(0.919)
