/**
 * Python text of the data: the shared split machinery of src/engine/tasks/data.ts and data-specs.ts
 * (shared or separate inputs, corrupted and noisy training labels, standardisation) and the generator of
 * the exported suite, each drawing from the same named streams in the same order as ours, and rounding to
 * float32 where we store a Float32Array. Float64 arithmetic follows our order of operations; the libm
 * functions (sin, cos, atan2, log) are the platform's, which may differ from V8's in the last bit of a
 * double: after rounding to float32 that almost never shows (test/python-export.test.ts compares).
 */
import { SUITE_PY } from './suites-py';

const SPLITS_PY = String.raw`
# ---- Data: src/engine/tasks/data.ts and data-specs.ts ------------------------------------------------
def shared_split(gen, count, rng):
    """One draw of inputs labelled for every task: x [N, D], y [N, T, O]."""
    x = gen.inputs(count, rng.fork("inputs"))
    y = np.zeros((count, gen.num_tasks, gen.output_dim), dtype=np.float32)
    for t in range(gen.num_tasks):
        y[:, t, :] = gen.labels(t, x, count, rng.fork("labels/%d" % t)).reshape(count, gen.output_dim)
    return {"mode": "shared", "x": x.reshape(count, gen.input_dim), "y": y}


def separate_split(gen, counts, rng):
    """Each task its own inputs (LibMTL's multi-input mode): x[t] [N_t, D], y[t] [N_t, O]."""
    xs, ys = [], []
    for t, count in enumerate(counts):
        x = gen.inputs(count, rng.fork("inputs/%d" % t))
        xs.append(x.reshape(count, gen.input_dim))
        ys.append(gen.labels(t, x, count, rng.fork("labels/%d" % t)).reshape(count, gen.output_dim))
    return {"mode": "separate", "x": xs, "y": ys}


def task_targets(split, t):
    return (split["y"][:, t, :] if split["mode"] == "shared" else split["y"][t]).copy()


def set_task_targets(split, t, values):
    if split["mode"] == "shared":
        split["y"][:, t, :] = values
    else:
        split["y"][t][...] = values


def task_count(split, t):
    return split["x"].shape[0] if split["mode"] == "shared" else split["x"][t].shape[0]


def corrupt_targets(y, count, fraction, rng):
    """Zhang et al. (ICLR 2017) corrupted labels: round(f N) rows get a random other sample's label."""
    if count < 2:
        return
    clean = y.copy()
    for n in rng.permutation(count)[: js_round(fraction * count)]:
        draw = rng.int(count - 1)
        y[n] = clean[draw + 1 if draw >= n else draw]


def noise_targets(y, count, targets, level, rng):
    """Regression: add N(0, level^2). Binary: flip round(level N) labels."""
    if targets == "regression":
        flat = y.reshape(-1)
        for i in range(count * y.shape[1]):
            flat[i] = float(flat[i]) + rng.normal(0.0, level)
        return
    for n in rng.permutation(count)[: js_round(level * count)]:
        y[n] = 1 - y[n]


def build_splits(gen, p, rng):
    T = gen.num_tasks
    train_rng, test_rng = rng.fork("train"), rng.fork("test")
    if p["inputs"] == "shared":
        train = shared_split(gen, p["trainSamples"], train_rng)
        test = shared_split(gen, p["testSamples"], test_rng)
    else:
        counts = p["trainSamplesPerTask"] or [p["trainSamples"]] * T
        train = separate_split(gen, counts, train_rng)
        test = separate_split(gen, [p["testSamples"]] * T, test_rng)
    for t in range(T):
        corrupt = p["corruptFraction"][t] if t < len(p["corruptFraction"]) else 0
        noise = p["labelNoise"][t] if t < len(p["labelNoise"]) else 0
        if corrupt == 0 and noise == 0:
            continue
        y, count = task_targets(train, t), task_count(train, t)
        if corrupt > 0:
            corrupt_targets(y, count, corrupt, train_rng.fork("corrupt/%d" % t))
        if noise > 0:
            noise_targets(y, count, gen.targets, noise, train_rng.fork("noise/%d" % t))
        set_task_targets(train, t, y)
    return train, test


def standardize_targets(train, test, T):
    """Per task, (y - mean) / std with the train split's statistics (summed in order, as ours)."""
    for t in range(T):
        y_train, y_test = task_targets(train, t), task_targets(test, t)
        total, total_sq = 0.0, 0.0
        for v in y_train[:, 0].tolist():
            total += v
            total_sq += v * v
        count = y_train.shape[0]
        mean = total / count
        std = math.sqrt(max(total_sq / count - mean * mean, 0.0)) or 1.0
        for y in (y_train, y_test):
            y[:, 0] = ((y[:, 0].astype(np.float64) - mean) / std).astype(np.float32)
        set_task_targets(train, t, y_train)
        set_task_targets(test, t, y_test)


def orthonormal_vectors(count, dim, rng):
    """Gram-Schmidt of standard-normal draws (float64), redrawing a vector inside the previous span."""
    out = []
    while len(out) < count:
        v = [rng.normal() for _ in range(dim)]
        for u in out:
            dot = 0.0
            for i in range(dim):
                dot += u[i] * v[i]
            v = [v[i] - dot * u[i] for i in range(dim)]
        norm = js_hypot(*v)
        if norm < 1e-6:
            continue
        out.append([vi / norm for vi in v])
    return out


def linear_features(w, x, count, dim):
    """z_n = sum_i w_i x_ni in float64, accumulated in our order (i ascending) for every sample at once."""
    xs = x.reshape(count, dim).astype(np.float64)
    z = np.zeros(count)
    for i in range(dim):
        z = z + w[i] * xs[:, i]
    return z
`;

/** The data section for the config's task suite (support.ts has checked that it is one of ours). */
export function dataPy(suiteId: string): string {
  const suite = SUITE_PY[suiteId];
  if (!suite) throw new Error(`Python export: no data generator for task suite '${suiteId}'`);
  return SPLITS_PY + suite;
}
