"""PyTorch CPU reference for `npm run bench`: the default experiment of the MTL Playground in PyTorch.

Same model as the engine's default and bench/naive: shared MLP 2->32->32 relu (He-uniform kernels, zero
biases), one linear head 32->1 per task (Glorot-uniform), binary cross-entropy on logits, batch 64 from
shuffled epochs of 1,000 samples x ~ U[-6, 6]^2 labelled by Playground's xor and gauss patterns, Adam
(lr 0.01, betas 0.9 / 0.999, eps 1e-8). Two steps:
- ew: (L1 + L2).backward(), optimizer.step();
- pcgrad the way LibMTL does it (LibMTL/weighting/PCGrad.py, after Yu et al., "Gradient Surgery for
  Multi-Task Learning", NeurIPS 2020): each task's gradient of the shared parameters by its own backward
  pass (autograd, retain_graph), every task projected off each conflicting task in a random order, the
  projected gradients summed into the shared parameters' .grad; heads keep their own task's gradient.

Prints one JSON object: torch version, threads, and per step kind the median steps/s over timed blocks.
Usage: python3 bench/torch/torch_bench.py [--steps 200] [--blocks 5] [--threads N]
"""
import argparse
import json
import math
import random
import statistics
import time

import torch

GAUSSIANS = [(-4, 2.5, 1), (0, 2.5, 0), (4, 2.5, 1), (-4, -2.5, 0), (0, -2.5, 1), (4, -2.5, 0)]


def gauss_label(x1, x2):
    return min(GAUSSIANS, key=lambda g: (x1 - g[0]) ** 2 + (x2 - g[1]) ** 2)[2]


def make_data(count, rng):
    xs = [(rng.uniform(-6, 6), rng.uniform(-6, 6)) for _ in range(count)]
    y = [[1.0 if a * b >= 0 else 0.0, float(gauss_label(a, b))] for a, b in xs]
    return torch.tensor(xs, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)


def uniform_(tensor, limit, gen):
    with torch.no_grad():
        tensor.uniform_(-limit, limit, generator=gen)


class Model(torch.nn.Module):
    def __init__(self, widths=(32, 32), tasks=2, seed=1):
        super().__init__()
        gen = torch.Generator().manual_seed(seed)
        dims = [2, *widths]
        self.hidden = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(dims, dims[1:]))
        self.heads = torch.nn.ModuleList(torch.nn.Linear(dims[-1], 1) for _ in range(tasks))
        for layer in self.hidden:
            uniform_(layer.weight, math.sqrt(6 / layer.in_features), gen)
            torch.nn.init.zeros_(layer.bias)
        for head in self.heads:
            uniform_(head.weight, math.sqrt(6 / (head.in_features + 1)), gen)
            torch.nn.init.zeros_(head.bias)

    def shared(self):
        return [p for layer in self.hidden for p in layer.parameters()]

    def task_losses(self, x, y):
        h = x
        for layer in self.hidden:
            h = torch.relu(layer(h))
        bce = torch.nn.functional.binary_cross_entropy_with_logits
        return [bce(head(h), y[:, t : t + 1]) for t, head in enumerate(self.heads)]


class Batches:
    """Shuffled epochs of full batches (the last partial batch dropped), as the engine's 'mixed'."""

    def __init__(self, count, size, gen):
        self.count, self.size, self.gen, self.order, self.at = count, size, gen, None, count

    def next(self):
        if self.at + self.size > self.count:
            self.order, self.at = torch.randperm(self.count, generator=self.gen), 0
        self.at += self.size
        return self.order[self.at - self.size : self.at]


def ew_step(model, opt, x, y):
    opt.zero_grad(set_to_none=True)
    loss = sum(model.task_losses(x, y))
    loss.backward()
    opt.step()
    return loss


def pcgrad_step(model, opt, x, y, rng):
    opt.zero_grad(set_to_none=True)
    losses = model.task_losses(x, y)
    shared = model.shared()
    grads = []
    for t, loss in enumerate(losses):
        for p in shared:
            p.grad = None
        loss.backward(retain_graph=t < len(losses) - 1)
        grads.append(torch.cat([p.grad.reshape(-1) for p in shared]))
    grads = torch.stack(grads)
    pc = grads.clone()
    for i in range(len(losses)):
        order = list(range(len(losses)))
        rng.shuffle(order)
        for j in order:
            g_ij = torch.dot(pc[i], grads[j])
            if g_ij < 0:
                pc[i] -= g_ij * grads[j] / (grads[j].norm().pow(2) + 1e-8)
    total, at = pc.sum(0), 0
    for p in shared:
        p.grad = total[at : at + p.numel()].view_as(p).clone()
        at += p.numel()
    opt.step()
    return sum(losses)


def measure(kind, steps, blocks):
    rng = random.Random(1)
    gen = torch.Generator().manual_seed(1)
    x_all, y_all = make_data(1000, rng)
    model = Model()
    opt = torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)
    batches = Batches(1000, 64, gen)

    def run(n):
        loss = None
        for _ in range(n):
            idx = batches.next()
            x, y = x_all[idx], y_all[idx]
            loss = ew_step(model, opt, x, y) if kind == "ew" else pcgrad_step(model, opt, x, y, rng)
        return float(loss)

    run(20)  # warm-up
    rates = []
    for _ in range(blocks):
        start = time.perf_counter()
        last = run(steps)
        rates.append(steps / (time.perf_counter() - start))
    return {"stepsPerSecond": statistics.median(rates), "rates": rates, "lastLoss": last}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--blocks", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0, help="torch intra-op threads (0: torch's default)")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "steps": args.steps}
    # The kinds alternate (ew, pcgrad, ew, pcgrad) so that drift of a shared machine hits both alike; each
    # figure is the median over all of its blocks.
    runs = {"ew": [], "pcgrad": []}
    for _ in range(2):
        for kind in ("ew", "pcgrad"):
            runs[kind].append(measure(kind, args.steps, args.blocks))
    for kind, measured in runs.items():
        result[kind] = {
            "stepsPerSecond": statistics.median(r for m in measured for r in m["rates"]),
            "lastLoss": measured[-1]["lastLoss"],
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
