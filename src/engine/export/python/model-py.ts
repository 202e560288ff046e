/**
 * Python text of the exportable architectures (src/engine/architectures/layer-sharing.ts, mmoe.ts,
 * mlp.ts), as plain tensors rather than nn.Modules so that the parameter layout is ours: a layer shared by
 * the tasks has kernel [in, out]; a task-specific or per-expert layer stacks a leading axis [T or E, in,
 * out]; biases start at zero. Kernels are drawn from the run's `fork("init")` stream in our order, He
 * uniform before relu/elu and Glorot uniform otherwise, so the initial weights are ours exactly.
 * Inputs are [S, B, D] (S = 1 for shared inputs, T for separate ones); outputs [T, B, O].
 */
export const MODEL_PY = String.raw`
# ---- Architectures: src/engine/architectures/{mlp,layer-sharing,mmoe}.ts ------------------------------
ACTIVATIONS = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
               "elu": torch.nn.functional.elu, "linear": lambda h: h}


class Net:
    """Parameters in declaration order, split into shared (trained with the method's direction) and
    task-specific (each task's own gradient, as our trainer does)."""

    def __init__(self, rng, device):
        self.rng, self.device = rng, device
        self.shared, self.task = [], []

    def dense(self, fan_in, fan_out, activation, lead=(), shared=False):
        he = activation in ("relu", "elu")
        limit = math.sqrt(6 / (fan_in if he else fan_in + fan_out))
        shape = tuple(lead) + (fan_in, fan_out)
        count = int(np.prod(shape))
        kernel = torch.tensor(self.rng.uniform_array(count, -limit, limit).reshape(shape), device=self.device)
        bias = torch.zeros(tuple(lead) + (fan_out,), device=self.device)
        for tensor in (kernel, bias):
            tensor.requires_grad_(True)
            (self.shared if shared else self.task).append(tensor)
        return (kernel, bias, ACTIVATIONS[activation])

    def heads(self, p, T, fan_in, output_dim):
        """headLayers hidden layers then a linear output layer, all stacked [T, ...]."""
        layers = []
        for _ in range(p["headLayers"]):
            layers.append(self.dense(fan_in, p["headWidth"], p["activation"], lead=(T,)))
            fan_in = p["headWidth"]
        layers.append(self.dense(fan_in, output_dim, "linear", lead=(T,)))
        return layers


def dense_forward(h, layer):
    kernel, bias, act = layer
    return act(torch.matmul(h, kernel) + bias.unsqueeze(-2))


def build_layer_sharing(p, T, D, O, net):
    """Caruana 1997 / Zhang et al. 2021: each hidden layer shared by all tasks or one copy per task."""
    hidden, fan_in = [], D
    for width, shared in zip(p["widths"], p["shared"]):
        hidden.append(net.dense(fan_in, width, p["activation"], lead=() if shared else (T,), shared=shared))
        fan_in = width
    layers = hidden + net.heads(p, T, fan_in, O)

    def forward(x):
        h = x
        for layer in layers:
            h = dense_forward(h, layer)
        return h

    return forward


def build_mmoe(p, T, D, O, net):
    """Ma et al., KDD 2018: E shared expert MLPs, one softmax gate per task, one tower (head) per task."""
    E, experts, fan_in = p["experts"], [], D
    for width in p["expertWidths"]:
        experts.append(net.dense(fan_in, width, p["activation"], lead=(E,), shared=True))
        fan_in = width
    gate = net.dense(D, E, "linear", lead=(T,))
    heads = net.heads(p, T, fan_in, O)

    def forward(x):
        h = x.unsqueeze(1)  # [S, 1, B, D] against expert kernels [E, in, out]
        for layer in experts:
            h = dense_forward(h, layer)  # [S, E, B, H]
        rep = h.permute(0, 2, 1, 3)  # [S, B, E, H]
        gates = torch.softmax(torch.matmul(x, gate[0]) + gate[1].unsqueeze(-2), dim=-1)  # [T, B, E]
        mixed = (gates.unsqueeze(-1) * rep).sum(dim=-2)  # [T, B, H]: each task's convex mix
        for layer in heads:
            mixed = dense_forward(mixed, layer)
        return mixed

    return forward


ARCHITECTURES = {"layer-sharing": build_layer_sharing, "mmoe": build_mmoe}
`;
