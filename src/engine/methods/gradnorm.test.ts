import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { gradnorm } from './gradnorm';
import { aggregatePlain, instantiate } from './testing';

// References: numpy, LibMTL's formulas with ∂L_grad/∂s by central finite differences (h = 1e-6).
describe('gradnorm', () => {
  it('2 tasks: first step by hand, second step against numpy', async () => {
    const m = instantiate(gradnorm, { replicas: 1, tasks: 2, shared: 3 }, { alpha: 1.5 });
    const grads = [
      [
        [1, 2, 2],
        [0, 3, 4],
      ],
    ]; // norms 3 and 5
    const first = await aggregatePlain(m, { grads, losses: [[1, 2]] });
    // w = 1, r = 1, target = 4: L_grad = |3 − 4| + |5 − 4|; ∂w_i/∂s_k = δ_ik − 1/2 -> (−4, 4).
    [1, 1].forEach((v, t) => expect(first.weights[0]?.[t]).toBeCloseTo(v, 6));
    [-4, 4].forEach((v, t) => expect(first.trainableGrads[0]?.[0]?.[t]).toBeCloseTo(v, 5));
    [1, 5, 6].forEach((v, i) => expect(first.direction[0]?.[i]).toBeCloseTo(v, 5));

    tf.tidy(() => m.trainables[0]?.assign(tf.tensor2d([[1.2, 0.8]])));
    const second = await aggregatePlain(m, { grads, losses: [[0.5, 1.8]] }, 1);
    [1.197375320224904, 0.802624679775096].forEach((v, t) =>
      expect(second.weights[0]?.[t]).toBeCloseTo(v, 5),
    );
    [3.8441719318882406, -3.8441719318882406].forEach((v, t) =>
      expect(second.trainableGrads[0]?.[0]?.[t]).toBeCloseTo(v, 4),
    );
    [1.197375320224904, 4.802624679775096, 5.605249359550192].forEach((v, i) =>
      expect(second.direction[0]?.[i]).toBeCloseTo(v, 4),
    );
    m.dispose();
  });

  it('3 tasks: L(0) is the first step seen; later steps use L/L(0) (numpy reference)', async () => {
    const m = instantiate(gradnorm, { replicas: 1, tasks: 3, shared: 2 }, { alpha: 1.5 });
    const grads = [
      [
        [1, 0],
        [0, 2],
        [-1, 1],
      ],
    ];
    await aggregatePlain(m, { grads, losses: [[1, 2, 0.5]] });
    tf.tidy(() => m.trainables[0]?.assign(tf.tensor2d([[0.3, -0.2, 0.5]])));
    const out = await aggregatePlain(m, { grads, losses: [[0.8, 1, 0.45]] }, 1);
    [1.0608453441795058, 0.6434352264582713, 1.2957194293622232].forEach((v, t) =>
      expect(out.weights[0]?.[t]).toBeCloseTo(v, 5),
    );
    [-0.49279841951577197, 1.6314083287616299, -1.1386099093568802].forEach((v, t) =>
      expect(out.trainableGrads[0]?.[0]?.[t]).toBeCloseTo(v, 4),
    );
    [-0.23487408518271735, 2.582589882278766].forEach((v, i) =>
      expect(out.direction[0]?.[i]).toBeCloseTo(v, 4),
    );
    m.dispose();
  });
});
