/**
 * Python text of the exportable gradient methods. Each maps the task-gradient matrix G [T, P] (and the
 * losses) to task weights w, the update of the shared parameters being d = w G, as in our trainer. The
 * weights come from the T x T Gram matrix G Gᵀ (float32 on the device, solved in float64), with the
 * arithmetic of src/engine/methods/ and its solvers/ (solver-methods-py.ts, solver-systems-py.ts). With `--aggregator torchjd`
 * and torchjd importable, torchjd's aggregator of the same name computes d instead (the reference code).
 */
import { METHOD_CHOICE_PY } from './method-choice-py';
import { SOLVERS_PY } from './solver-methods-py';
import { SYSTEMS_PY } from './solver-systems-py';

const METHODS_PY = String.raw`
# ---- Methods: src/engine/methods/*.ts ---------------------------------------------------------------
# Batched over R replicas as ours (R = 1 for a network, one per start point for the toy): G is [R, T, P],
# losses [R, T], weights [R, T]; replicas never mix.
def grams(G):
    # Summed in float32 where G lives (as ours on the device), solved in float64 (MPS has no float64).
    return torch.bmm(G, G.transpose(1, 2)).cpu().double().numpy()


class Method:
    weighting = False  # loss weightings also scale each task head's gradient by its weight

    def end_step(self, losses):
        pass


class PerReplica(Method):
    """A stateless method: each replica's weights from its own Gram matrix and losses."""

    def weights(self, G, losses, step):
        return np.array([self.solve(A, l) for A, l in zip(grams(G), losses)])


class EqualWeights(Method):
    """Caruana 1997; LibMTL's EW. The plain SUM of the task losses (LibMTL sums too; torchjd's Mean averages)."""
    weighting = True

    def weights(self, G, losses, step):
        return np.ones(G.shape[:2])


class StaticWeights(Method):
    """A fixed weighted sum sum_t w_t L_t with the config's weights (empty: all 1)."""
    weighting = True

    def __init__(self, p, T):
        self.w = np.array(p["weights"] or [1.0] * T, dtype=np.float64)

    def weights(self, G, losses, step):
        return np.tile(self.w, (G.shape[0], 1))


class PCGrad(Method):
    """Yu et al., NeurIPS 2020 (Algorithm 1): for each task, over the OTHER tasks in a random order, remove
    the component along the original g_j when they conflict; d = sum of the projected gradients. The orders
    come from the method's seeded stream (one per task and step, shared by the replicas), so the
    projections are ours; LibMTL also tests j = i (a no-op in exact arithmetic) and shuffles with numpy."""

    def __init__(self, rng):
        self.rng = rng

    def weights(self, G, losses, step):
        T = G.shape[1]
        orders = []
        for i in range(T):
            others = [k for k in range(T) if k != i]
            orders.append([others[k] for k in self.rng.permutation(T - 1)])
        out = []
        for A in grams(G):
            inv = np.array([1 / A[j, j] if A[j, j] != 0 else 0.0 for j in range(T)])
            C = np.eye(T)
            for r in range(T - 1):
                dots = C @ A  # dots[i, j] = g_i^PC . g_j
                for i in range(T):
                    j = orders[i][r]
                    C[i, j] -= min(dots[i, j], 0.0) * inv[j]
            out.append(C.sum(axis=0))
        return np.array(out)


class MGDA(PerReplica):
    """Sener & Koltun, NeurIPS 2018: the min-norm point of the convex hull of the (normalised) gradients.
    LibMTL's MinNormSolver stops at a 1e-5 step; ours runs away-step Frank-Wolfe to a tight gap."""

    def __init__(self, p):
        self.normalization = p["normalization"]

    def solve(self, A, losses):
        n = mgda_normalizers(A, losses, self.normalization)
        return min_norm_element(A / np.outer(n, n)) / n


class CAGrad(PerReplica):
    """Liu et al., NeurIPS 2021: w = argmin over the simplex of g0.g_w + c|g0||g_w|, then
    d = (g0 + c|g0|/|g_w| g_w) / rescale, with g0 the MEAN gradient. LibMTL calls scipy's SLSQP and keeps
    1e-8 guards; ours solves exactly for two tasks and by accelerated projected gradient beyond."""

    def __init__(self, p):
        self.c, self.rescale = p["c"], p["rescale"]

    def solve(self, A, losses):
        T = A.shape[0]
        c = self.c * math.sqrt(max(A.mean(), 0.0))
        w = cagrad_dual(A, c)
        gw = math.sqrt(max(float(w @ A @ w), 0.0))
        lam = c / gw if gw > 0 else 0.0
        divisor = 1 + self.c ** 2 if self.rescale == 1 else 1 + self.c if self.rescale == 2 else 1
        return (1 / T + lam * w) / divisor


class UPGrad(PerReplica):
    """Quinton & Rey 2024 (torchjd's UPGrad): project each preference-scaled gradient onto the dual cone of
    the gradients and add the projections. The box QP min v'Qv, v >= u_i e_i is solved exactly."""

    def __init__(self, p, T):
        self.pref = np.array(p["prefVector"] or [1.0 / T] * T)
        self.norm_eps, self.reg_eps = p["normEps"], p["regEps"]

    def solve(self, A, losses):
        trace = np.trace(A)
        Q = A * (1 / trace if trace > self.norm_eps else 0.0) + self.reg_eps * np.eye(len(A))
        total = np.zeros(len(A))
        for i, u in enumerate(self.pref):
            lower = np.zeros(len(A))
            lower[i] = u
            total += box_qp(Q, lower)
        return total


class IMTL(Method):
    """Liu et al., ICLR 2021 (LibMTL's IMTL): 'gradient' = IMTL-G's closed form on the shared gradients;
    'loss' = IMTL-L's learnable scales e^s L - s; 'hybrid' = IMTL-G on the scaled gradients. LibMTL's
    heads get e^s grad L; ours (and this script) scale each head by the task's weight."""
    weighting = True

    def __init__(self, p, R, T, make_optimizer, device):
        self.mode = p["mode"]
        self.log_scale = None
        if self.mode != "gradient":
            self.log_scale = torch.zeros(R, T, device=device, requires_grad=True)
            self.optimizer = make_optimizer([self.log_scale])

    def weights(self, G, losses, step):
        if self.log_scale is None:
            return np.array([imtl_g(A) for A in grams(G)])
        scale = np.exp(self.log_scale.detach().cpu().numpy().astype(np.float64))
        if self.mode == "loss":
            return scale
        return np.array([imtl_g(A * np.outer(s, s)) * s for A, s in zip(grams(G), scale)])

    def end_step(self, losses):
        if self.log_scale is not None:
            with torch.no_grad():
                self.log_scale.grad = torch.exp(self.log_scale) * losses - 1  # d(e^s L - s)/ds
            self.optimizer.step()


class NashMTL(Method):
    """Navon et al., ICML 2022: alpha > 0 with G G' alpha = 1/alpha, solved by Newton (the authors run up to
    optim_niter CVXPY problems); recomputed every update_weights_every steps; the update clipped to
    max_norm (the authors clip the shared gradient with clip_grad_norm_)."""

    def __init__(self, p, R, T):
        self.max_norm, self.every, self.iters = p["maxNorm"], p["updateWeightsEvery"], p["optimNiter"]
        self.alpha, self.calls = np.ones((R, T)), 0

    def weights(self, G, losses, step):
        if self.calls % self.every == 0:
            self.alpha = np.array([nash_system(A, self.iters) for A in grams(G)])
        self.calls += 1
        if self.max_norm <= 0:
            return self.alpha.copy()
        alpha = torch.tensor(self.alpha, dtype=G.dtype, device=G.device)
        norms = torch.linalg.norm(torch.bmm(alpha.unsqueeze(1), G).squeeze(1), dim=1).cpu().numpy()
        factor = np.array([min(1.0, self.max_norm / n) if n > 0 else 1.0 for n in norms])
        return self.alpha * factor[:, None]
`;

export const ALL_METHODS_PY = SOLVERS_PY + SYSTEMS_PY + METHODS_PY + METHOD_CHOICE_PY;
