/**
 * Python text of the other float64 solvers (src/engine/methods/solvers/): UPGrad's dual-cone box QP (here
 * by enumerating the active sets, exact for T <= 8, where ours runs Lawson-Hanson to the same unique
 * minimiser when reg_eps > 0), IMTL-G's linear system (Gaussian elimination with partial pivoting, as
 * linear.ts) and Nash-MTL's damped Newton solve of G G' alpha = 1/alpha (nash-system.ts).
 */
export const SYSTEMS_PY = String.raw`
# ---- Box QP, linear systems and Newton: src/engine/methods/solvers/ --------------------------------
def box_qp(Q, lower):
    """min v'Qv subject to v >= lower: the KKT point among all active sets (x = v - lower >= 0)."""
    T = len(lower)
    q = Q @ lower
    scale = max(np.abs(np.diag(Q)).max(), np.abs(q).max(), 5e-324)
    best, best_violation = np.zeros(T), math.inf
    for mask in range(1 << T):
        free = [i for i in range(T) if mask >> i & 1]
        x = np.zeros(T)
        if free:
            x[free] = np.linalg.lstsq(Q[np.ix_(free, free)], -q[free], rcond=None)[0]
        grad = Q @ x + q
        violation = max([0.0] + [-x[i] for i in free] + [abs(grad[i]) for i in free]
                        + [-grad[i] for i in range(T) if i not in free]) / scale
        if violation < best_violation:
            best, best_violation = np.maximum(x, 0.0), violation
    return best + lower


def solve_linear(M, b):
    """Gaussian elimination with partial pivoting; None when singular to 1e-12 of the largest entry."""
    n = len(b)
    a = np.hstack([np.array(M, dtype=np.float64), np.array(b, dtype=np.float64).reshape(n, 1)])
    scale = np.abs(a[:, :n]).max()
    if not (scale > 0 and math.isfinite(scale)):
        return None
    for col in range(n):
        pivot = col + int(np.argmax(np.abs(a[col:, col])))
        if abs(a[pivot, col]) <= 1e-12 * scale:
            return None
        a[[col, pivot]] = a[[pivot, col]]
        for r in range(col + 1, n):
            a[r, col:] -= a[r, col] / a[col, col] * a[col, col:]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        x[i] = (a[i, n] - a[i, i + 1:n] @ x[i + 1:]) / a[i, i]
    return x if np.all(np.isfinite(x)) else None


def imtl_g(A):
    """IMTL-G (Liu et al., ICLR 2021, section 3.2): sum(alpha) = 1 and equal projections of d on every
    unit gradient, solved as C beta = c 1 with beta_t = alpha_t |g_t|; zero gradients get alpha = 0."""
    T = len(A)
    diag = np.diag(A)
    largest = diag.max()
    active = [t for t in range(T) if diag[t] > 1e-20 * largest and math.isfinite(diag[t])]
    alpha = np.zeros(T)
    if not active:
        return np.full(T, 1.0 / T)
    norm = np.sqrt(diag[active])
    smallest = norm.min()
    M = [[A[i, j] / (norm[a] * norm[b]) for b, j in enumerate(active)] + [-1.0] for a, i in enumerate(active)]
    M.append(list(smallest / norm) + [0.0])
    x = solve_linear(M, [0.0] * len(active) + [smallest])
    for a, t in enumerate(active):
        alpha[t] = x[a] / norm[a] if x is not None else 1.0 / len(active)
    return alpha


def nash_system(A, max_iterations, tolerance=1e-14, ridge=1e-12):
    """The positive solution of (A w)_i = 1 / w_i by damped Newton on 1/2 w'Aw - sum log w (Navon et al.)."""
    T = len(A)
    max_diag = max(0.0, np.diag(A).max())
    idx = [i for i in range(T) if max_diag > 0 and A[i, i] > 1e-20 * max_diag]
    weights = np.zeros(T)
    if not idx:
        return weights
    s = float(np.mean([A[i, i] for i in idx]))
    Ah = A[np.ix_(idx, idx)] / s
    Ah[np.diag_indices(len(idx))] *= 1 + ridge
    f = lambda w: 0.5 * float(w @ Ah @ w) - float(np.log(w).sum())
    noise = lambda w: 1e-13 * (abs(float(w @ Ah @ w)) + float(np.abs(np.log(w)).sum()))

    def residual(w):
        terms = np.maximum(np.abs(Ah) @ np.abs(w), 1 / w)
        return float(np.max(np.abs(Ah @ w - 1 / w) / terms))

    w = np.diag(Ah) ** -0.5
    w = w * math.sqrt(len(idx) / float(w @ Ah @ w))
    for _ in range(max_iterations):
        if residual(w) <= tolerance:
            break
        r = Ah @ w - 1 / w
        try:
            step = np.linalg.solve(Ah + np.diag(w ** -2.0), r)
        except np.linalg.LinAlgError:
            break
        decrement = float(r @ step)
        if not decrement > 0:
            break
        t = min([1.0] + [0.99 * w[i] / d for i, d in enumerate(step) if d > 0])
        f0, slack = f(w), noise(w)
        nxt = w - t * step
        for _ in range(60):
            if f(nxt) <= f0 - 1e-4 * t * decrement + slack:
                break
            t /= 2
            nxt = w - t * step
        moved = float(np.max(np.abs(nxt - w) / w))
        w = nxt
        if moved <= 1e-15:
            break
    weights[idx] = w * s ** -0.5
    return weights
`;
