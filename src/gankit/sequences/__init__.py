"""Token-sequence models shared by the data (the SeqGAN oracle) and the nets (the generator):
one LSTM language model, and the sampling rule they both use."""
