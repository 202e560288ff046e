/**
 * Python text of what a step feeds the network: mixed batches from shuffled epochs
 * (src/engine/sampling/mixed.ts with quota 'equal', epochs.ts: the same draws from the run's
 * fork("batches") stream, so the same samples in the same order), the splits on the device, and the task
 * losses and metrics of src/engine/train/losses.ts (means over the batch and the outputs).
 */
export const BATCHES_PY = String.raw`
# ---- Batches: src/engine/sampling/mixed.ts (quota 'equal') and epochs.ts -----------------------------
class MixedSampler:
    """Every task a full batch each step, from its pool's shuffled epochs; with shared inputs one pool
    serves every task. A new epoch (a fresh permutation) starts when fewer than B samples remain."""

    def __init__(self, rng, sizes, batch_size):
        self.rng, self.sizes, self.batch_size = rng, sizes, batch_size
        self.orders = [rng.permutation(n) for n in sizes]
        self.cursors = [0] * len(sizes)

    def take(self, pool):
        if self.cursors[pool] + self.batch_size > self.sizes[pool]:
            self.orders[pool] = self.rng.permutation(self.sizes[pool])
            self.cursors[pool] = 0
        start = self.cursors[pool]
        self.cursors[pool] = start + self.batch_size
        return self.orders[pool][start:start + self.batch_size]

    def next(self):
        return [self.take(pool) for pool in range(len(self.sizes))]


class Data:
    """A split on the device; batches [S, B, D] inputs and [T, B, O] targets, evaluation sets capped."""

    def __init__(self, split, device):
        self.shared = split["mode"] == "shared"
        tensor = lambda a: torch.tensor(a, device=device)
        self.x = tensor(split["x"]) if self.shared else [tensor(x) for x in split["x"]]
        self.y = tensor(split["y"]) if self.shared else [tensor(y) for y in split["y"]]

    def sizes(self):
        return [self.x.shape[0]] if self.shared else [x.shape[0] for x in self.x]

    def batch(self, indices):
        if self.shared:
            idx = torch.tensor(indices[0], device=self.x.device)
            return self.x[idx].unsqueeze(0), self.y[idx].permute(1, 0, 2)
        idx = [torch.tensor(i, device=self.x[0].device) for i in indices]
        return (torch.stack([x[i] for x, i in zip(self.x, idx)]), torch.stack([y[i] for y, i in zip(self.y, idx)]))

    def task_parts(self, T, limit):
        """Per task: (inputs [1, N, D], targets [N, O]) over at most "limit" samples."""
        if self.shared:
            return [(self.x[:limit].unsqueeze(0), self.y[:limit, t, :]) for t in range(T)]
        return [(self.x[t][:limit].unsqueeze(0), self.y[t][:limit]) for t in range(T)]


# ---- Losses and metrics: src/engine/train/losses.ts ------------------------------------------------
def element_loss(kind, pred, target):
    if kind == "mse":
        return (pred - target) ** 2
    # Stable binary cross-entropy on logits: max(z, 0) - z y + log(1 + exp(-|z|)).
    return torch.relu(pred) - pred * target + torch.log1p(torch.exp(-pred.abs()))


def task_metric(kind, pred, target):
    if kind == "accuracy":
        return ((pred > 0) == (target > 0.5)).float().mean()
    sse = ((pred - target) ** 2).sum()
    sst = ((target - target.mean()) ** 2).sum()
    return 1 - sse / torch.clamp(sst, min=1e-12)
`;
