/**
 * Python text of each exportable task suite's generator (src/engine/tasks/<id>.ts), with a
 * `build_suite(p, rng)` that returns what our suite's `build` does: the splits, the task names, the loss
 * and metric kind, and the input and output sizes. `rng` is the run's `fork("data")` stream, as ours.
 */
const PLAYGROUND = String.raw`
# ---- playground-2d: TensorFlow Playground patterns (Smilkov, Carter et al. 2016) ---------------------
HALF = 6
CIRCLE_RADIUS = math.sqrt((2 * HALF) ** 2 / 2 / math.pi)
GAUSSIANS = [(-4, 2.5, 1), (0, 2.5, 0), (4, 2.5, 1), (-4, -2.5, 0), (0, -2.5, 1), (4, -2.5, 0)]
SPIRAL_B = 5 / (3.5 * math.pi)


def gauss_label(x1, x2):
    best, label = math.inf, 0
    for cx, cy, l in GAUSSIANS:
        d = (x1 - cx) ** 2 + (x2 - cy) ** 2
        if d < best:
            best, label = d, l
    return label


PATTERN_LABEL = {
    "circle": lambda x1, x2: 1 if js_hypot(x1, x2) < CIRCLE_RADIUS else 0,
    "xor": lambda x1, x2: 1 if x1 * x2 >= 0 else 0,
    "gauss": gauss_label,
    "spiral": lambda x1, x2: 1 if math.cos(js_hypot(x1, x2) / SPIRAL_B - math.atan2(x1, x2)) >= 0 else 0,
    "plane": lambda x1, x2: 1 if x1 + x2 > 0 else 0,
}


class PlaygroundGenerator:
    input_dim, output_dim, targets = 2, 1, "binary"

    def __init__(self, patterns):
        self.patterns = patterns
        self.num_tasks = len(patterns)

    def inputs(self, count, rng):
        return rng.uniform_array(count * 2, -HALF, HALF)

    def labels(self, task, x, count, rng):
        rule, xs = PATTERN_LABEL[self.patterns[task]], x.tolist()
        return np.array([rule(xs[2 * n], xs[2 * n + 1]) for n in range(count)], dtype=np.float32)


def build_suite(p, rng):
    patterns = p["patterns"]
    train, test = build_splits(PlaygroundGenerator(patterns), p, rng)
    names = [q if patterns.index(q) == t else "%s (%d)" % (q, t + 1) for t, q in enumerate(patterns)]
    return {"train": train, "test": test, "names": names, "loss": "bce-logits", "metric": "accuracy",
            "input_dim": 2, "output_dim": 1}
`;

const SINUSOIDS = String.raw`
# ---- sinusoids: y_t = a_t sin(x + phi_t) + noise (after Finn et al., MAML, ICML 2017) ----------------
def sinusoid_tasks(T, spread, ratio):
    out = []
    for t in range(T):
        frac = t / (T - 1) if T > 1 else 0
        out.append((ratio ** frac, spread * math.pi * frac))
    return out


class SinusoidGenerator:
    input_dim, output_dim, targets = 1, 1, "regression"

    def __init__(self, T, spread, ratio, noise):
        self.num_tasks, self.tasks, self.noise = T, sinusoid_tasks(T, spread, ratio), noise

    def inputs(self, count, rng):
        return rng.uniform_array(count, -5, 5)

    def labels(self, task, x, count, rng):
        amplitude, phase = self.tasks[task]
        xs = x.tolist()
        # The noise is drawn even when it is 0, so the labels do not depend on it (as ours).
        return np.array([amplitude * math.sin(xs[n] + phase) + rng.normal(0.0, self.noise)
                         for n in range(count)], dtype=np.float32)


def build_suite(p, rng):
    T = p["numTasks"]
    gen = SinusoidGenerator(T, p["phaseSpread"], p["amplitudeRatio"], p["noise"])
    train, test = build_splits(gen, p, rng)
    names = ["task %d (\u03c6 = %.2f\u03c0, a = %.3g)" % (i + 1, phase / math.pi, a)
             for i, (a, phase) in enumerate(gen.tasks)]
    return {"train": train, "test": test, "names": names, "loss": "mse", "metric": "r2",
            "input_dim": 1, "output_dim": 1}
`;

const MMOE = String.raw`
# ---- mmoe-synthetic: Ma et al., KDD 2018, section 3.2 (Google's generator: c = 1, m = sines, 10 by default)
def mmoe_weights(T, dim, p, rng):
    u = orthonormal_vectors(T, dim, rng)
    q = math.sqrt(max(1 - p * p, 0))
    return [u[0]] + [[p * u[0][i] + q * uk[i] for i in range(dim)] for uk in u[1:]]


class MmoeGenerator:
    output_dim, targets = 1, "regression"

    def __init__(self, T, dim, p, noise, rng, sines=10):
        self.num_tasks, self.input_dim, self.noise = T, dim, noise
        self.sines = sines
        self.w = mmoe_weights(T, dim, p, rng)

    def inputs(self, count, rng):
        return rng.normal_array(count * self.input_dim)

    def labels(self, task, x, count, rng):
        z = linear_features(self.w[task], x, count, self.input_dim)
        v = z.copy()
        for i in range(1, self.sines + 1):
            v = v + np.sin(i * z + (i - 1) ** 2)
        noise = np.array([rng.normal(0.0, self.noise) for _ in range(count)])
        return (v + noise).astype(np.float32)


def build_suite(p, rng):
    T, dim = p["numTasks"], p["inputDim"]
    gen = MmoeGenerator(T, dim, p["correlation"], p["noise"], rng.fork("weights"), p.get("sines", 10))
    train, test = build_splits(gen, p, rng)
    if p["standardize"]:
        standardize_targets(train, test, T)
    return {"train": train, "test": test, "names": ["task %d" % (t + 1) for t in range(T)],
            "loss": "mse", "metric": "r2", "input_dim": dim, "output_dim": 1}
`;

const LINEAR = String.raw`
# ---- linear-tasks: equicorrelated task vectors (after Wu, Zhang & Re, ICLR 2020) ----------------------
def equicorrelated_root(T, cosine):
    q = math.sqrt(1 - cosine)
    a = (math.sqrt(max(1 + (T - 1) * cosine, 0)) - q) / T
    return [[q + a if s == t else a for s in range(T)] for t in range(T)]


def linear_task_vectors(T, dim, cosine, rng):
    u = orthonormal_vectors(T, dim, rng)
    out = []
    for row in equicorrelated_root(T, cosine):
        w = []
        for i in range(dim):
            s = 0.0
            for k, c in enumerate(row):
                s += c * u[k][i]
            w.append(s)
        out.append(w)
    return out


class LinearGenerator:
    output_dim, targets = 1, "regression"

    def __init__(self, w, dim, noise):
        self.w, self.num_tasks, self.input_dim, self.noise = w, len(w), dim, noise

    def inputs(self, count, rng):
        return rng.normal_array(count * self.input_dim)

    def labels(self, task, x, count, rng):
        z = linear_features(self.w[task], x, count, self.input_dim)
        noise = np.array([rng.normal(0.0, self.noise) for _ in range(count)])
        return (z + noise).astype(np.float32)


def build_suite(p, rng):
    T, dim = p["numTasks"], p["inputDim"]
    w = linear_task_vectors(T, dim, p["cosine"], rng.fork("task-vectors"))
    train, test = build_splits(LinearGenerator(w, dim, p["noise"]), p, rng)
    return {"train": train, "test": test, "names": ["task %d" % (t + 1) for t in range(T)],
            "loss": "mse", "metric": "r2", "input_dim": dim, "output_dim": 1}
`;

const TOY = String.raw`
# ---- toy: the CAGrad two-objective toy (Liu et al., NeurIPS 2021; Cranial-XIX/CAGrad toy.py) ---------
TOY_LOWER = 5e-6


def build_suite(p, rng):
    """L_t of theta [R, 2] in the mirrored form of src/engine/tasks/toy.ts (u_t = +-theta_1); torch.clamp
    passes the gradient at equality as tf.maximum does, so the (0, 0) start still moves."""
    def losses(theta):
        x1, x2 = theta[:, :1], theta[:, 1:]
        u = x1 * torch.tensor([1.0, -1.0], device=theta.device)
        f = torch.log(torch.clamp((torch.tanh(x2) - 3.5 - u * 0.5).abs(), min=TOY_LOWER)) + 6
        g = (u - 7) ** 2 * 0.1 + ((x2 + 8) ** 2 * 0.01 - 20)
        h = torch.tanh(x2 * 0.5)
        loss = torch.clamp(h, min=0) * f + torch.clamp(-h, min=0) * g
        return loss * torch.tensor(p["lossScale"], dtype=torch.float32, device=theta.device)

    return {"starts": p["starts"], "losses": losses, "names": ["L1", "L2"], "loss": "mse", "metric": "loss"}
`;

export const SUITE_PY: Record<string, string> = {
  toy: TOY,
  'playground-2d': PLAYGROUND,
  sinusoids: SINUSOIDS,
  'mmoe-synthetic': MMOE,
  'linear-tasks': LINEAR,
};
