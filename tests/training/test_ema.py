import torch

from gankit.training.ema import GeneratorEMA


def test_ema_moves_toward_weights():
    net = torch.nn.Linear(1, 1, bias=False)
    torch.nn.init.constant_(net.weight, 0.0)
    ema = GeneratorEMA(net, decay=0.9)
    torch.nn.init.constant_(net.weight, 1.0)
    ema.update(net)
    assert ema.model.weight.item() == torch.tensor(0.1).item()
    ema.update(net)
    assert abs(ema.model.weight.item() - 0.19) < 1e-7
