/**
 * MGDA's and CAGrad's weights for TWO tasks, solved where the Gram matrix is: [R, 2, 2] and losses [R, 2]
 * → weights [R, 2], one dispatch, no readback.
 *
 * Why: for any T, MGDA and CAGrad read each replica's Gram matrix back and solve in JS
 * (methods/common.ts gramWeighting), which on a GPU stalls every step on a device round trip (the step
 * cannot be queued behind the next one). Two tasks have closed forms (MGDA: the min-norm point of a
 * segment, solvers/min-norm.ts minNorm2; CAGrad: the best of the ends and the two stationary points,
 * solvers/cagrad-dual.ts), a few dozen float operations a GPU thread does in place. On the cpu and wasm
 * backends the loop calls the very functions the host solve calls (solvers/mgda-weights.ts,
 * solvers/cagrad-weights.ts), in float64 from the same float32 Gram matrix, so the numbers are those of
 * the readback path exactly. WGSL computes in float32: weights agree to ~1e-6 relative, except where two
 * CAGrad candidates tie to float32 precision (then either is a minimiser).
 */
import type * as tf from '@tensorflow/tfjs-core';
import { cagradImpliedWeights } from '../methods/solvers/cagrad-weights';
import { mgdaWeights, type Normalization } from '../methods/solvers/mgda-weights';
import { scalarUniforms } from './backend-access';
import { runFused, type FusedKernel } from './fused-kernel';
import { elementwiseProgram } from './webgpu-program';

/** The rule and its settings as numbers (uniforms): rule 0 = MGDA, 1 = CAGrad. */
export type TwoTaskAttrs = {
  rule: number;
  /** MGDA: index into NORMALIZATIONS; ub = 1 for MGDA-UB (weights = the min-norm solution itself). */
  normalization: number;
  ub: number;
  /** CAGrad: c (calpha) and the rescale mode 0, 1 or 2. */
  c: number;
  rescale: number;
};

export const NORMALIZATIONS: readonly Normalization[] = ['none', 'l2', 'loss', 'loss+'];

export type TwoTaskRule =
  | { rule: 'mgda'; normalization: Normalization; variant: 'params' | 'ub' }
  | { rule: 'cagrad'; c: number; rescale: number };

export function twoTaskAttrs(rule: TwoTaskRule): TwoTaskAttrs {
  return rule.rule === 'mgda'
    ? {
        rule: 0,
        normalization: NORMALIZATIONS.indexOf(rule.normalization),
        ub: rule.variant === 'ub' ? 1 : 0,
        c: 0,
        rescale: 0,
      }
    : { rule: 1, normalization: 0, ub: 0, c: rule.c, rescale: rule.rescale };
}

const WGSL = `
  fn normalizer(aii : f32, loss : f32, kind : i32) -> f32 {
    var n = 1.0;
    if (kind == 1) { n = sqrt(max(aii, 0.0)); }
    if (kind == 2) { n = abs(loss); }
    if (kind == 3) { n = abs(loss) * sqrt(max(aii, 0.0)); }
    if (n > 0.0 && isFiniteF32(n)) { return n; }
    return 1.0;
  }
  fn minNorm2(v11 : f32, v12 : f32, v22 : f32) -> f32 {
    if (v12 >= v11) { return 1.0; }
    if (v12 >= v22) { return 0.0; }
    return (v22 - v12) / (v11 + v22 - 2.0 * v12);
  }
  // CAGrad's F(w) at w = (x, 1 − x): ḡ·g_w + c|g_w|.
  fn cagradF(a11 : f32, a12 : f32, a21 : f32, a22 : f32, c : f32, x : f32) -> f32 {
    let y = 1.0 - x;
    let linear = (x * (a11 + a12) + y * (a21 + a22)) / 2.0;
    let q = x * x * a11 + x * y * (a12 + a21) + y * y * a22;
    return linear + c * sqrt(max(q, 0.0));
  }
  // solvers/cagrad-dual.ts solveTwo: the smallest F among the ends and the stationary points inside.
  fn cagradX(a11 : f32, a12 : f32, a22 : f32, a21 : f32, c : f32) -> f32 {
    let alpha = a11 - 2.0 * a12 + a22;
    let beta = 2.0 * (a12 - a22);
    let slope = (a11 - a22) / 2.0;
    var bestX = 0.0;
    var best = cagradF(a11, a12, a21, a22, c, 0.0);
    let atOne = cagradF(a11, a12, a21, a22, c, 1.0);
    if (atOne < best) { best = atOne; bestX = 1.0; }
    let k = c * c * alpha - slope * slope;
    if (alpha > 0.0 && k > 0.0) {
      let disc = max(4.0 * (a11 * a22 - a12 * a12), 0.0);
      let half = (abs(slope) / (2.0 * alpha)) * sqrt(disc / k);
      for (var s = -1.0; s <= 1.0; s = s + 2.0) {
        let x = -beta / (2.0 * alpha) + s * half;
        if (x > 0.0 && x < 1.0) {
          let f = cagradF(a11, a12, a21, a22, c, x);
          if (f < best) { best = f; bestX = x; }
        }
      }
    }
    return bestX;
  }
`;

export const TWO_TASK_WEIGHTS: FusedKernel<TwoTaskAttrs> = {
  name: 'MtlTwoTaskWeights',
  inputs: ['gram', 'losses'],
  outputShape: ([, losses]) => losses,
  compute([gram, losses], out, [shape], attrs) {
    const R = shape[0] as number;
    for (let r = 0; r < R; r++) {
      const g = (i: number) => gram[r * 4 + i] as number;
      const A = [
        [g(0), g(1)],
        [g(2), g(3)],
      ];
      const L = [losses[r * 2] as number, losses[r * 2 + 1] as number];
      const w =
        attrs.rule === 0
          ? mgdaWeights(A, L, NORMALIZATIONS[attrs.normalization] ?? 'none', attrs.ub ? 'ub' : 'params')
          : cagradImpliedWeights(A, attrs.c, attrs.rescale);
      out[r * 2] = w[0] as number;
      out[r * 2 + 1] = w[1] as number;
    }
  },
  webgpu: ([, lossShape], attrs) => ({
    program: elementwiseProgram({
      key: 'two_task_weights',
      inputs: ['gram', 'losses'],
      outputShape: lossShape,
      uniforms: 'rule : i32, normalization : i32, ub : i32, c : f32, rescale : i32,',
      helpers: WGSL,
      body: `
        let r = index / 2;
        let t = index % 2;
        let a11 = gramAt(r * 4);
        let a12 = gramAt(r * 4 + 1);
        let a21 = gramAt(r * 4 + 2);
        let a22 = gramAt(r * 4 + 3);
        if (uniforms.rule == 0) {
          let n1 = normalizer(a11, lossesAt(r * 2), uniforms.normalization);
          let n2 = normalizer(a22, lossesAt(r * 2 + 1), uniforms.normalization);
          let gamma = minNorm2(a11 / (n1 * n1), a12 / (n1 * n2), a22 / (n2 * n2));
          let sol = select(1.0 - gamma, gamma, t == 0);
          setOutputAtIndex(index, select(sol / select(n2, n1, t == 0), sol, uniforms.ub == 1));
          return;
        }
        let mean = (a11 + a12 + a21 + a22) / 4.0;
        let c = uniforms.c * sqrt(max(mean, 0.0));
        var x = 0.5;
        if (c != 0.0) { x = cagradX(a11, a12, a22, a21, c); }
        let q = x * x * a11 + x * (1.0 - x) * (a12 + a21) + (1.0 - x) * (1.0 - x) * a22;
        let norm = sqrt(max(q, 0.0));
        let lambda = select(0.0, c / norm, norm > 0.0);
        var divisor = 1.0;
        if (uniforms.rescale == 1) { divisor = 1.0 + uniforms.c * uniforms.c; }
        if (uniforms.rescale == 2) { divisor = 1.0 + uniforms.c; }
        setOutputAtIndex(index, (0.5 + lambda * select(1.0 - x, x, t == 0)) / divisor);`,
    }),
    uniforms: [
      ...scalarUniforms('int32', [attrs.rule, attrs.normalization, attrs.ub]),
      ...scalarUniforms('float32', [attrs.c]),
      ...scalarUniforms('int32', [attrs.rescale]),
    ],
  }),
};

/** Weights [R, 2] from Gram matrices [R, 2, 2] and losses [R, 2], or null where fused kernels do not run. */
export function twoTaskWeights(
  gram: tf.Tensor3D,
  losses: tf.Tensor2D,
  rule: TwoTaskRule,
): tf.Tensor2D | null {
  if (
    gram.shape[1] !== 2 ||
    gram.shape[2] !== 2 ||
    losses.shape[1] !== 2 ||
    gram.shape[0] !== losses.shape[0]
  )
    throw new Error(
      `twoTaskWeights: Gram [${gram.shape.join(', ')}] and losses [${losses.shape.join(', ')}]; expected [R, 2, 2] and [R, 2]`,
    );
  return runFused(TWO_TASK_WEIGHTS, { gram, losses }, twoTaskAttrs(rule)) as tf.Tensor2D | null;
}
