/**
 * task-groups against its two ends (one group = layer-sharing's shared bottom, one group per task =
 * layer-sharing's independent nets) and the grouping property itself: a task's output and gradient touch
 * only its own group's trunk. The registry's contract tests (registry.test.ts, gradients.test.ts) run the
 * one-group defaults at T = 2 and 3; the grouped contract runs here, where the task count is fixed.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { createTrainer } from '../train/trainer';
import { Rng } from '../random/rng';
import { packShared } from './layout';
import { B, D, O, buildEntry, entry, forwardFlat, normalTensor, taskLosses, withDefaults } from './testing';
import type { BuiltArchitecture } from './types';

const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());
const groupsArch = entry('task-groups');
const sharing = entry('layer-sharing');
const common = { widths: [6, 5], activation: 'tanh', headLayers: 1, headWidth: 3 };

/** Outputs of a built network at its initial weights (no perturbation). */
function forwardAtInit(built: BuiltArchitecture, x: tf.Tensor3D): number[] {
  return tf.tidy(() => {
    const flat = packShared(built.shared);
    const theta = tf.tensor2d(flat, [1, flat.length]);
    const shared = built.shared.length
      ? tf
          .split(
            theta,
            built.shared.map((s) => s.init.length),
            1,
          )
          .map((part, i) => part.reshape([1, ...(built.shared[i]?.shape ?? [])]))
      : [];
    const taskParams = built.taskParams.map((p) => tf.tensor(p.init, p.shape));
    return values(built.forward({ shared, taskParams, x }));
  });
}

function configIssues(groups: number[]): string[] {
  try {
    parseConfig({
      task: { id: 'playground-2d', params: { patterns: ['xor', 'xor', 'circle', 'circle'] } },
      architecture: { id: 'task-groups', params: { groups } },
    });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
}

describe('task-groups: settings', () => {
  it('accepts one index per task (or none) and names architecture.params.groups otherwise', () => {
    expect(configIssues([0, 0, 1, 1])).toEqual([]);
    expect(configIssues([1, 0, 0, 1])).toEqual([]);
    expect(configIssues([])).toEqual([]);
    const short = configIssues([0, 1]);
    expect(short).toHaveLength(1);
    expect(short[0]).toMatch(/^architecture\.params\.groups: expected 4 group indices \(one per task\)/);
    const gap = configIssues([0, 0, 2, 2]);
    expect(gap).toEqual([
      'architecture.params.groups: expected group indices 0..1 each used by some task (G groups are numbered 0..G-1), got [0, 0, 2, 2] with no task in group 1',
    ]);
    expect(() =>
      buildEntry(groupsArch, withDefaults(groupsArch, { groups: [0, 2] }), {
        numTasks: 2,
        inputDim: D,
        outputDim: O,
      }),
    ).toThrow(/no task in group 1/);
  });
});

describe('task-groups: the two ends are layer-sharing', () => {
  const dims = { numTasks: 3, inputDim: D, outputDim: O };

  it('one group: the same θ, task parameters, dense chain and outputs as the shared bottom', () => {
    const a = buildEntry(groupsArch, withDefaults(groupsArch, { ...common, groups: [0, 0, 0] }), dims, 4);
    const b = buildEntry(sharing, withDefaults(sharing, { ...common, shared: [true, true] }), dims, 4);
    expect(a.built.shared).toEqual(b.built.shared);
    expect(a.built.taskParams).toEqual(b.built.taskParams);
    expect(a.built.representationSize).toBe(5);
    expect(a.built.chain?.layers).toEqual(b.built.chain?.layers);
    const x = normalTensor([1, B, D], 3) as tf.Tensor3D;
    expect(values(forwardFlat(a, a.theta, x))).toEqual(values(forwardFlat(b, b.theta, x)));
    tf.dispose(x);
    a.dispose();
    b.dispose();
  });

  it('one group per task: the independent nets, with their trunks moved into θ', () => {
    const a = groupsArch.build(withDefaults(groupsArch, { ...common, groups: [0, 1, 2] }), {
      ...dims,
      rng: new Rng(4),
    });
    const b = sharing.build(withDefaults(sharing, { ...common, shared: [false, false] }), {
      ...dims,
      rng: new Rng(4),
    });
    expect(b.shared).toEqual([]);
    // Group g's layer-l kernel is slice g of the independent nets' stacked kernel: the same draws.
    for (const [l, part] of [
      [1, 'kernel'],
      [1, 'bias'],
      [2, 'kernel'],
      [2, 'bias'],
    ] as const) {
      const stacked = b.taskParams.find((p) => p.name === `layer${l}.${part}`)?.init;
      const joined = [0, 1, 2].flatMap((g) =>
        Array.from(a.shared.find((s) => s.name === `group${g + 1}.layer${l}.${part}`)?.init ?? []),
      );
      expect(joined).toEqual(Array.from(stacked ?? []));
    }
    expect(a.taskParams).toEqual(b.taskParams.filter((p) => p.name.startsWith('head')));
    const x = normalTensor([1, B, D], 5) as tf.Tensor3D;
    const [ga, gb] = [forwardAtInit(a, x), forwardAtInit(b, x)];
    ga.forEach((v, i) => expect(v).toBeCloseTo(gb[i] ?? NaN, 6));
    tf.dispose(x);
  });

  it('trains like them: same losses as the shared bottom (exactly) and the independent nets (to rounding)', async () => {
    const run = async (architecture: Record<string, unknown>) => {
      const trainer = createTrainer(
        parseConfig({
          task: {
            id: 'playground-2d',
            params: { patterns: ['xor', 'circle', 'gauss'], trainSamples: 200, testSamples: 200 },
          },
          architecture,
          learningRate: 0.02,
          batchSize: 32,
          steps: 25,
          reportEvery: 25,
          seed: 3,
        }),
      );
      try {
        await trainer.step(25);
        return (await trainer.report()).tasks.map((t) => t.testLoss);
      } finally {
        trainer.dispose();
      }
    };
    const params = { widths: [8, 8], activation: 'tanh' };
    const together = await run({ id: 'task-groups', params: { ...params, groups: [0, 0, 0] } });
    expect(together).toEqual(await run({ id: 'layer-sharing', params: { ...params, shared: [true, true] } }));
    const apart = await run({ id: 'task-groups', params: { ...params, groups: [0, 1, 2] } });
    const independent = await run({ id: 'layer-sharing', params: { ...params, shared: [false, false] } });
    apart.forEach((v, i) => expect(Math.abs(v - (independent[i] ?? NaN))).toBeLessThan(1e-4 * (1 + v)));
    // And the two ends differ: sharing changed the numbers.
    expect(together).not.toEqual(apart);
  });
});

describe.each([
  { T: 3, groups: [0, 1, 0] },
  { T: 4, groups: [1, 0, 0, 1] },
  { T: 5, groups: [0, 1, 2, 1, 0] },
])('task-groups $groups: the grouping contract', ({ T, groups }) => {
  const params = withDefaults(groupsArch, { ...common, groups });
  const dims = { numTasks: T, inputDim: D, outputDim: O };

  it('S = T copies equal S = 1 for Sx = 1 and Sx = T; no tensor leaks', () => {
    const b = buildEntry(groupsArch, params, dims);
    const before = tf.memory().numTensors;
    for (const Sx of [1, T]) {
      tf.tidy(() => {
        const x = normalTensor([Sx, B, D], 7 + Sx) as tf.Tensor3D;
        const single = forwardFlat(b, b.theta, x);
        expect(single.shape).toEqual([T, B, O]);
        expect(values(forwardFlat(b, tf.tile<tf.Tensor2D>(b.theta, [T, 1]), x))).toEqual(values(single));
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    b.dispose();
  });

  it("task t's output and gradient touch only its own group's trunk; mates share it", () => {
    const b = buildEntry(groupsArch, params, dims);
    const owner = (name: string) => Number(/^group(\d+)\./.exec(name)?.[1] ?? NaN) - 1;
    const offsets = b.built.shared.reduce<number[]>(
      (acc, s, i) => [...acc, (acc[i] ?? 0) + s.init.length],
      [0],
    );
    tf.tidy(() => {
      const x = normalTensor([1, B, D], 11) as tf.Tensor3D;
      const y = normalTensor([T, B, O], 12) as tf.Tensor3D;
      const tiled = tf.tile<tf.Tensor2D>(b.theta, [T, 1]);
      const stacked = tf.grad((th: tf.Tensor) => tf.sum(taskLosses(forwardFlat(b, th as tf.Tensor2D, x), y)))(
        tiled,
      );
      for (let t = 0; t < T; t++) {
        const own = tf.grad((th: tf.Tensor) =>
          taskLosses(forwardFlat(b, th as tf.Tensor2D, x), y)
            .slice([t], [1])
            .sum(),
        )(b.theta);
        const row = values(stacked.slice([t, 0], [1, -1]));
        const expected = values(own);
        row.forEach((v, k) =>
          expect(Math.abs(v - (expected[k] ?? NaN))).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(v))),
        );
        b.built.shared.forEach((s, i) => {
          const part = row.slice(offsets[i], offsets[i + 1]);
          if (owner(s.name) === groups[t]) expect(part.some((v) => v !== 0)).toBe(true);
          else expect(part.every((v) => v === 0)).toBe(true);
        });
      }
      // Moving another group's trunk leaves task t's output alone and moves its mates' with its own.
      const out = values(forwardFlat(b, b.theta, x));
      const first = b.built.shared.findIndex((s) => owner(s.name) === groups[0]);
      const bump = new Float32Array(b.theta.shape[1]);
      bump.fill(0.5, offsets[first] ?? 0, offsets[first + 1] ?? 0);
      const moved = values(forwardFlat(b, tf.add<tf.Tensor2D>(b.theta, tf.tensor2d(bump, b.theta.shape)), x));
      for (let t = 0; t < T; t++) {
        const slice = (v: number[]) => v.slice(t * B * O, (t + 1) * B * O);
        if (groups[t] === groups[0]) expect(slice(moved)).not.toEqual(slice(out));
        else expect(slice(moved)).toEqual(slice(out));
      }
    });
    b.dispose();
  });
});
