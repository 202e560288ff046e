import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ISOLATION_SETTINGS, type IsolationValues } from '../config/isolation';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { defaultParams } from '../params/spec';
import { createGradientIsolation, maskMatrix } from './isolation';
import { createTrainer } from './trainer';

const layers = [
  { name: 'layer 1', ranges: [{ offset: 0, size: 2 }] },
  {
    name: 'layer 2',
    ranges: [
      { offset: 2, size: 1 },
      { offset: 4, size: 1 },
    ],
  },
];
const settings = (over: Partial<IsolationValues>): IsolationValues => ({
  ...defaultParams(ISOLATION_SETTINGS),
  ...over,
});

describe('gradient isolation', () => {
  it('masks exactly the ranges of the named (task, layer) pairs', () => {
    const mask = maskMatrix(
      [
        [0, 1],
        [1, 0],
      ],
      layers,
      2,
      5,
    );
    expect(Array.from(mask)).toEqual([1, 1, 0, 1, 0, 0, 0, 1, 1, 1]);
  });

  it('names the field and the layers there are when a layer index is out of range', () => {
    expect(() => maskMatrix([[0, 2]], layers, 2, 5)).toThrow(ConfigError);
    expect(() => maskMatrix([[0, 2]], layers, 2, 5)).toThrow(
      /isolation\.gradientMask\[0\]: layer 2 does not exist; .*0 \(layer 1\), 1 \(layer 2\)/,
    );
    const refusal = (() => {
      try {
        maskMatrix(
          [
            [1, 0],
            [0, 2],
          ],
          layers,
          2,
          5,
        );
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).issues).toEqual([
      {
        path: 'isolation.gradientMask[1]',
        message: "layer 2 does not exist; this architecture's shared layers are 0 (layer 1), 1 (layer 2)",
        accepted: '[task, layer] with a layer from 0 to 1',
      },
    ]);
  });

  it('clips each task row to its own limit, leaves 0-limit rows and small rows alone', () => {
    const iso = createGradientIsolation(settings({ clipPerTask: [1, 0, 10] }), layers, 3, 2);
    const g = tf.tensor3d([
      [
        [3, 4],
        [30, 40],
        [0.3, 0.4],
      ],
    ]);
    const out = iso.taskGradients(g).arraySync()[0] as number[][];
    [
      [0.6, 0.8],
      [30, 40],
      [0.3, 0.4],
    ].forEach((row, t) => row.forEach((v, i) => expect(out[t]?.[i]).toBeCloseTo(v, 5)));
    iso.dispose();
    g.dispose();
  });

  it('clips the global update norm and keeps a zero update finite', () => {
    const iso = createGradientIsolation(settings({ clipNorm: 2 }), layers, 2, 2);
    const d = tf.tensor2d([
      [6, 8],
      [0, 0],
    ]);
    expect(iso.direction(d).arraySync()).toEqual([
      [expect.closeTo(1.2, 5), expect.closeTo(1.6, 5)],
      [0, 0],
    ]);
    iso.dispose();
    d.dispose();
  });

  it('is a no-op (the same tensors) when everything is off', () => {
    const iso = createGradientIsolation(settings({}), layers, 2, 5);
    const g = tf.zeros<tf.Rank.R3>([1, 2, 5]);
    expect(iso.taskGradients(g)).toBe(g);
    g.dispose();
    iso.dispose();
  });

  it('in training: a task masked on every shared layer reports a zero gradient norm; the other does not', async () => {
    const config = parseConfig({
      task: { id: 'playground-2d' },
      architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [true, true] } },
      isolation: {
        gradientMask: [
          [0, 0],
          [0, 1],
        ],
      },
    });
    const trainer = createTrainer(config);
    try {
      await trainer.step(3);
      const report = await trainer.report();
      expect(report.gradients.norms[0]).toBe(0);
      expect(report.gradients.norms[1]).toBeGreaterThan(0);
    } finally {
      trainer.dispose();
    }
  });

  it('config: per-task clip lists must have one value per task', () => {
    expect(() => parseConfig({ isolation: { clipPerTask: [1, 2, 3] } })).toThrow(
      /isolation\.clipPerTask: expected 2 values \(one per task\) or an empty list, got 3/,
    );
  });
});
