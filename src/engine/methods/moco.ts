/**
 * MoCo (multi-objective gradient correction). Fernando, Shen, Liu, Chaudhury, Murugesan & Chen,
 * "Mitigating Gradient Bias in Multi-objective Learning: A Provably Convergent Approach", ICLR 2023
 * (Algorithm 1); LibMTL/weighting/MoCo.py ("based on the authors' shared code") and the authors'
 * heshandevaka/Trade-Off-MOL.
 *
 * Stochastic MGDA is biased because the weights are solved on noisy gradients. MoCo tracks each task
 * gradient with a moving average Y [T, P] and takes one projected step of the weights λ per training
 * step, both kept across steps:
 *   Y ← Y − β_k (Y − ĝ),   λ ← Π_Δ(λ − γ_k (Y Yᵀ + ρ I) λ),   direction = Yᵀ λ   (scale 'convex'),
 * with β_k = β / k^σβ, γ_k = γ / k^σγ at the k-th call (LibMTL's decaying rates), Y starting at 0 and λ at
 * 1/T. ĝ_t = g_t (normalisation 'none', the paper and the authors' code) or g_t / |g_t| · |L_t|
 * ('loss', LibMTL's only behaviour; |L_t| rather than L_t so a negative loss cannot flip a gradient).
 *
 * Where the references differ:
 * - λ is projected onto the simplex (solvers/simplex.ts), as the paper's Algorithm 1 and the authors' code
 *   (heshandevaka/Trade-Off-MOL, LibMTL/weighting/MoCo.py there); LibMTL takes a softmax of the stepped λ
 *   instead. With positive losses this is the only difference on a first step (Y starting at 0, Y
 *   updated before λ, λ stepped with the new Y, ρ: all as LibMTL): near equal weights softmax's Jacobian
 *   is (I − 11ᵀ/T)/T, so LibMTL's λ moves about T times less than the projected one, and the first
 *   directions differ (cosine 0.9996 on moco.test.ts's 3-task case). Scaling γ by 1/T imitates LibMTL
 *   only while λ stays near 1/T.
 * - 'loss' normalisation: LibMTL divides by |g_t| + 1e-8 and multiplies by the signed L_t; we use
 *   |g_t| (a zero gradient stays zero) and |L_t| (above).
 * - Defaults β = 0.5, σβ = 0.5, γ = 0.1, σγ = 0.5, ρ = 0 and the 'loss' normalisation are LibMTL's.
 *   The paper's projection of each y_t onto a ball of known radius is left out, as in both codebases.
 * Y lives on the device ([R, T, P] in the method state); Y Yᵀ is read back with `await data()`.
 *
 * Weights: λ. The direction is Yᵀλ, a combination of the TRACKED gradients, so direction = Σ λ_t g_t
 * with this step's g does not hold (it does once Y has caught up with a constant G).
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { readGramAndLosses, weightedSum, weightsFromRows } from './common';
import { mocoCard } from './moco.card';
import { modoStep } from './modo';

export const moco = implementMethod(mocoCard, {
  create: ({ numTasks: T, numReplicas: R, numShared: P, params }) => {
    const state = new DeviceState();
    const tracked = state.variable('tracked', [R, T, P], 0);
    const lambda = state.box(
      'lambda',
      Array.from({ length: R }, () => new Array<number>(T).fill(1 / T)),
    );
    const calls = state.box('calls', 0);
    return {
      aggregate: async ({ grads, losses }) => {
        calls.value++;
        const betaK = params.beta / calls.value ** params.betaDecay;
        const gammaK = params.gamma / calls.value ** params.gammaDecay;
        tf.tidy(() => {
          const target =
            params.normalization === 'loss'
              ? tf.mul(tf.divNoNan(grads, tf.norm(grads, 'euclidean', 2, true)), tf.abs(losses).expandDims(2))
              : grads;
          tracked.assign(tf.sub(tracked, tf.mul(betaK, tf.sub(tracked, target))));
        });
        const read = await readGramAndLosses(tracked as tf.Tensor as tf.Tensor3D, losses);
        // The same projected step as MoDo's, on the tracked gradients' Gram matrix.
        lambda.value = read.gram.map((A, r) => modoStep(A, lambda.value[r] ?? [], gammaK, params.rho));
        return tf.tidy(() => {
          const weights = weightsFromRows(lambda.value, T);
          return { direction: weightedSum(weights, tracked as tf.Tensor as tf.Tensor3D), weights };
        });
      },
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
