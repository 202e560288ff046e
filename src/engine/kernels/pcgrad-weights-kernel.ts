/**
 * PCGrad's implied weights from the Gram matrix in one dispatch: Gram [R, T, T] and the step's random
 * orders as one-hot rounds [T − 1, T, T] → weights [R, T], one thread per replica.
 *
 * methods/pcgrad.ts keeps the coefficient matrix C (g_i^PC = Σ_k C_ik g_k) and, round by round, for every
 * task i at once, subtracts the projection onto the r-th task j of i's order when (C·A)_ij < 0:
 *
 *   C_ij ← C_ij − min((C·A)_ij, 0) / A_jj      (A_jj = 0: no change; a zero g_j never conflicts)
 *
 * The weights are C's column sums. As tfjs ops that is ~15 dispatches (a product, a masked sum, a minimum,
 * three products and a difference per round, the diagonal, the identity's tile, the column sums); here a
 * thread holds its replica's C (T ≤ 8: 64 numbers) and runs every round. Used on WebGPU only: on cpu and
 * wasm the composition stays (its float32 rounding order is the one the lessons' PCGrad numbers were
 * measured with), and the loop below is this kernel's reference there.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { runFused, type FusedKernel } from './fused-kernel';
import { elementwiseProgram } from './webgpu-program';

/** Tasks a thread's private C holds. */
export const PCGRAD_KERNEL_MAX_TASKS = 8;

type Attrs = { tasks: number };
const INPUTS = ['gram', 'rounds'];

export const PCGRAD_WEIGHTS: FusedKernel<Attrs> = {
  name: 'MtlPcgradWeights',
  inputs: INPUTS,
  outputShape: ([gram]) => [gram[0] as number, gram[1] as number],
  compute([gram, rounds], out, [shape], { tasks: T }) {
    const R = shape[0] as number;
    for (let rep = 0; rep < R; rep++) {
      const A = gram.subarray(rep * T * T, (rep + 1) * T * T);
      const C = Float64Array.from({ length: T * T }, (_, k) => (Math.floor(k / T) === k % T ? 1 : 0));
      for (let r = 0; r < T - 1; r++) {
        const conflicts: number[] = [];
        for (let i = 0; i < T; i++) {
          let j = 0;
          while (j < T - 1 && rounds[(r * T + i) * T + j] !== 1) j++;
          let dot = 0;
          for (let k = 0; k < T; k++) dot += (C[i * T + k] as number) * (A[k * T + j] as number);
          conflicts.push(j, Math.min(dot, 0));
        }
        for (let i = 0; i < T; i++) {
          const [j, conflict] = [conflicts[2 * i] as number, conflicts[2 * i + 1] as number];
          const ajj = A[j * T + j] as number;
          if (ajj !== 0) C[i * T + j] = (C[i * T + j] as number) - conflict / ajj;
        }
      }
      for (let j = 0; j < T; j++) {
        let sum = 0;
        for (let i = 0; i < T; i++) sum += C[i * T + j] as number;
        out[rep * T + j] = sum;
      }
    }
  },
  webgpu: ([shape], { tasks: T }) => ({
    program: elementwiseProgram({
      key: `pcgrad_weights_${T}`,
      inputs: INPUTS,
      outputShape: [shape[0] as number, T],
      // One thread per output element recomputes its replica's C (T ≤ 8: cheap) and writes column j's sum.
      body: `
        let rep = index / ${T};
        let col = index % ${T};
        var C : array<f32, ${T * T}>;
        for (var k = 0; k < ${T * T}; k++) { C[k] = select(0.0, 1.0, k / ${T} == k % ${T}); }
        for (var r = 0; r < ${T - 1}; r++) {
          var picks : array<i32, ${T}>;
          var conflicts : array<f32, ${T}>;
          for (var i = 0; i < ${T}; i++) {
            var j = 0;
            while (j < ${T - 1} && roundsAt((r * ${T} + i) * ${T} + j) != 1.0) { j++; }
            var dot = 0.0;
            for (var k = 0; k < ${T}; k++) { dot = dot + C[i * ${T} + k] * gramAt(rep * ${T * T} + k * ${T} + j); }
            picks[i] = j;
            conflicts[i] = min(dot, 0.0);
          }
          for (var i = 0; i < ${T}; i++) {
            let j = picks[i];
            let ajj = gramAt(rep * ${T * T} + j * ${T} + j);
            if (ajj != 0.0) { C[i * ${T} + j] = C[i * ${T} + j] - conflicts[i] / ajj; }
          }
        }
        var sum = 0.0;
        for (var i = 0; i < ${T}; i++) { sum = sum + C[i * ${T} + col]; }
        setOutputAtIndex(index, sum);`,
    }),
  }),
};

/** PCGrad's weights [R, T] on WebGPU; null elsewhere or above 8 tasks (the caller composes tfjs ops). */
export function pcgradWeights(gram: tf.Tensor3D, rounds: tf.Tensor3D): tf.Tensor2D | null {
  const T = gram.shape[1];
  if (T < 2 || T > PCGRAD_KERNEL_MAX_TASKS) return null;
  return runFused(PCGRAD_WEIGHTS, { gram, rounds }, { tasks: T }) as tf.Tensor2D | null;
}
