"""Peer for RnnBenchmark: BlechRNN's autoencoder RNN in PyTorch (Linear-sigmoid-Linear-sigmoid encoder, dropout,
2-layer tanh nn.RNN with dropout between layers, Linear-sigmoid-Linear decoder; MSE; Adam 1e-3; full batch), on
the batch RnnBenchmark writes: float64 little-endian inputs [sequence][step][input], then targets
[sequence][step][output], then optionally the initial parameters in PyTorch's parameter order.

Usage: rnn_peer.py FILE SEQUENCES STEPS INPUTS HIDDEN OUTPUTS THREADS TRAIN_STEPS DROPOUT DTYPE(float32|float64)
Prints ms per training step and per prediction, and the loss after steps 1, 10, 100 and the last."""
import sys
import time

import numpy as np
import torch
from torch import nn

path = sys.argv[1]
seqs, steps, n_in, hidden, n_out, threads, train_steps = (int(a) for a in sys.argv[2:9])
dropout = float(sys.argv[9])
dtype = torch.float64 if sys.argv[10] == "float64" else torch.float32
torch.set_num_threads(threads)
torch.manual_seed(0)

raw = np.fromfile(path, dtype="<f8")
n_x, n_y = seqs * steps * n_in, seqs * steps * n_out
x = raw[:n_x].reshape(seqs, steps, n_in)
y = raw[n_x:n_x + n_y].reshape(seqs, steps, n_out)
initial = raw[n_x + n_y:]


class AutoencoderRnn(nn.Module):
    def __init__(self):
        super().__init__()
        enc, dec = (n_in + hidden) // 2, (hidden + n_out) // 2
        self.encoder = nn.Sequential(nn.Linear(n_in, enc), nn.Sigmoid(), nn.Linear(enc, hidden), nn.Sigmoid())
        self.rnn = nn.RNN(hidden, hidden, 2, dropout=dropout)
        self.decoder = nn.Sequential(nn.Linear(hidden, dec), nn.Sigmoid(), nn.Linear(dec, n_out))
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, inputs):
        latent, _ = self.rnn(self.dropout(self.encoder(inputs)))
        return self.decoder(latent), latent


net = AutoencoderRnn().to(dtype)
if initial.size:
    offset = 0
    with torch.no_grad():
        for p in net.parameters():
            p.copy_(torch.from_numpy(initial[offset:offset + p.numel()].reshape(p.shape)))
            offset += p.numel()
# (steps, sequences, features), as nn.RNN expects
inputs = torch.from_numpy(np.ascontiguousarray(x.transpose(1, 0, 2))).to(dtype)
labels = torch.from_numpy(np.ascontiguousarray(y.transpose(1, 0, 2))).to(dtype)
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
criterion = nn.MSELoss()

losses = []
warmup = min(20, train_steps // 5)
start = None
for i in range(train_steps):
    if i == warmup:
        start = time.perf_counter()
    optimizer.zero_grad()
    out, _ = net(inputs)
    loss = criterion(out, labels)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
train_ms = (time.perf_counter() - start) * 1000 / (train_steps - warmup)

net.eval()
with torch.no_grad():
    for _ in range(5):
        net(inputs)
    start = time.perf_counter()
    for _ in range(50):
        net(inputs)
    predict_ms = (time.perf_counter() - start) * 1000 / 50

picks = sorted({0, 9, 99, train_steps - 1} & set(range(train_steps)))
print(f"peer threads={threads} train_ms={train_ms:.2f} predict_ms={predict_ms:.2f} "
      + " ".join(f"loss{i + 1}={losses[i]:.6f}" for i in picks))
