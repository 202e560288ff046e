/**
 * Python text of the simplex solvers the gradient methods call (src/engine/methods/solvers/min-norm.ts,
 * simplex.ts, cagrad-dual.ts), in float64 with our algorithms: MGDA's min-norm point (best pair, then
 * away-step Frank-Wolfe) and CAGrad's dual (exact for two tasks, FISTA on the simplex beyond).
 */
export const SOLVERS_PY = String.raw`
# ---- Simplex solvers on the T x T Gram matrix: src/engine/methods/solvers/ ----------------------------
def mgda_normalizers(A, losses, kind):
    out = []
    for t in range(len(A)):
        norm, loss = math.sqrt(max(A[t, t], 0.0)), abs(float(losses[t]))
        n = {"l2": norm, "loss": loss, "loss+": loss * norm}.get(kind, 1.0)
        out.append(n if n > 0 and math.isfinite(n) else 1.0)
    return np.array(out)


def min_norm_2(v11, v12, v22):
    if v12 >= v11:
        return 1.0
    if v12 >= v22:
        return 0.0
    return (v22 - v12) / (v11 + v22 - 2 * v12)


def min_norm_element(A, tolerance=1e-12, max_iterations=10000):
    """min w'Aw over the simplex: the best pair (MinNormSolver's start), then away-step Frank-Wolfe."""
    T = len(A)
    if T == 1:
        return np.ones(1)
    best = None
    for i in range(T):
        for j in range(i + 1, T):
            g = min_norm_2(A[i, i], A[i, j], A[j, j])
            cost = g * g * A[i, i] + 2 * g * (1 - g) * A[i, j] + (1 - g) ** 2 * A[j, j]
            if best is None or cost < best[3]:
                best = (i, j, g, cost)
    w = np.zeros(T)
    w[best[0]], w[best[1]] = best[2], 1 - best[2]
    scale = max(max(abs(A[i, i]) for i in range(T)), 5e-324)
    for _ in range(max_iterations if T > 2 else 0):
        Aw = A @ w
        wAw = float(Aw @ w)
        s = int(np.argmin(Aw))
        support = [i for i in range(T) if w[i] > 0]
        v = max(support, key=lambda i: (Aw[i], -i))
        gap_toward = wAw - Aw[s]
        if gap_toward <= tolerance * scale:
            break
        toward = gap_toward >= Aw[v] - wAw
        slope = Aw[s] - wAw if toward else wAw - Aw[v]
        curvature = A[s, s] - 2 * Aw[s] + wAw if toward else wAw - 2 * Aw[v] + A[v, v]
        max_step = 1.0 if toward else w[v] / (1 - w[v])
        step = min(max_step, -slope / curvature) if curvature > 0 else max_step
        if toward:
            w = w * (1 - step)
            w[s] += step
        else:
            w = w * (1 + step)
            w[v] = 0.0 if step == max_step else w[v] - step
    return w


def project_to_simplex(y):
    ordered = sorted(y, reverse=True)
    cumulative, shift = 0.0, 0.0
    for k, value in enumerate(ordered):
        cumulative += value
        candidate = (cumulative - 1) / (k + 1)
        if value - candidate > 0:
            shift = candidate
    return np.maximum(np.asarray(y) - shift, 0.0)


def minimize_on_simplex(value, gradient, start, tolerance, max_iterations=5000):
    """FISTA with backtracking and a function-value restart (Beck & Teboulle 2009; O'Donoghue & Candes 2015)."""
    x = project_to_simplex(start)
    fx, y, t, lipschitz = value(x), x, 1.0, 1.0
    for _ in range(max_iterations):
        gx = gradient(x)
        if gx @ x - gx.min() <= tolerance:
            break
        gy, fy = gradient(y), value(y)
        while True:
            z = project_to_simplex(y - gy / lipschitz)
            fz = value(z)
            diff = z - y
            if fz <= fy + gy @ diff + lipschitz / 2 * (diff @ diff) + 1e-15 * abs(fy) or lipschitz > 1e30:
                break
            lipschitz *= 2
        if fz > fx and t > 1:
            y, t = x, 1.0
            continue
        t_next = (1 + math.sqrt(1 + 4 * t * t)) / 2
        y = z + (t - 1) / t_next * (z - x)
        x, fx, t = z, fz, t_next
        lipschitz *= 0.9
    return x


def cagrad_objective(A, c, w):
    return float(w @ A.sum(axis=1)) / len(A) + c * math.sqrt(max(float(w @ A @ w), 0.0))


def cagrad_dual(A, c, tolerance=1e-10):
    """argmin over the simplex of w'A 1/T + c sqrt(w'Aw) (CAGrad's dual, Liu et al. 2021, eq. 4)."""
    T = len(A)
    uniform = np.full(T, 1.0 / T)
    if T == 1 or c == 0:
        return uniform
    if T == 2:
        a11, a12, a22 = A[0, 0], A[0, 1], A[1, 1]
        alpha, beta, slope = a11 - 2 * a12 + a22, 2 * (a12 - a22), (a11 - a22) / 2
        candidates, k = [0.0, 1.0], c * c * alpha - slope * slope
        if alpha > 0 and k > 0:
            half = abs(slope) / (2 * alpha) * math.sqrt(max(4 * (a11 * a22 - a12 * a12), 0.0) / k)
            candidates += [x for x in (-beta / (2 * alpha) - half, -beta / (2 * alpha) + half) if 0 < x < 1]
        x = min(candidates, key=lambda x: cagrad_objective(A, c, np.array([x, 1 - x])))
        return np.array([x, 1 - x])
    scale = max(abs(A[i, i]) for i in range(T))
    if not scale > 0:
        return uniform
    floor, Ab = 1e-20 * scale, A.sum(axis=1) / T
    value = lambda w: float(w @ Ab) + c * math.sqrt(max(float(w @ A @ w), 0.0) + floor)
    gradient = lambda w: Ab + c * (A @ w) / math.sqrt(max(float(w @ A @ w), 0.0) + floor)
    return minimize_on_simplex(value, gradient, uniform, tolerance * scale)
`;
