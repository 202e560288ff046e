/**
 * TrainingHealth on hand-made report sequences: when a collapse is reported (and when it is not: a run's
 * start, a single bad report, convergence, nothing shared), and which explosions stop a run with what words.
 * The trainer-level cases (the lr = 10 run, every preset) are in monitoring.train.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { chanceLevel, type MetricKind } from '../tasks/losses';
import { TrainingDivergedError } from './errors';
import type { Report } from './report';
import { TrainingHealth } from './training-health';

interface Row {
  loss: number;
  metric: number;
  norm: number;
}

function report(step: number, rows: Row[], extra: Partial<Report> = {}): Report {
  const T = rows.length;
  const eye = rows.map((_, i) => rows.map((__, j) => (i === j ? 1 : 0)));
  return {
    step,
    tasks: rows.map((r, t) => ({
      name: `task${t + 1}`,
      trainLoss: r.loss,
      testLoss: r.loss,
      trainMetric: r.metric,
      testMetric: r.metric,
    })),
    weights: Array<number>(T).fill(1),
    gradients: { norms: rows.map((r) => r.norm), cosine: eye, conflictShare: 0, layers: [] },
    ...extra,
  };
}

const relu = parseConfig({ learningRate: 10 });
const tanh = parseConfig({
  learningRate: 10,
  architecture: { id: 'layer-sharing', params: { activation: 'tanh' } },
});

/** Feed reports at the given steps (rows per step) and return each one's issues. */
function feed(
  steps: [number, Row[]][],
  metric: MetricKind = 'accuracy',
  config = relu,
  kind: 'data' | 'objective' = 'data',
) {
  const health = new TrainingHealth({
    kind,
    // As trainerInfo states it: a binary accuracy's chance level, R²'s, none for error metrics.
    tasks: (steps[0]?.[1] ?? []).map((_, t) => {
      const chance = chanceLevel({ loss: metric === 'accuracy' ? 'bce-logits' : 'mse', metric });
      return { name: `task${t + 1}`, metric, ...(chance === undefined ? {} : { chance }) };
    }),
  });
  return steps.map(([step, rows]) => health.review(report(step, rows), true, config));
}

const start: Row = { loss: 0.96, metric: 0.49, norm: 4 };
const dead: Row = { loss: 0.72, metric: 0.51, norm: 0 };
const healthy: Row = { loss: 0.1, metric: 0.97, norm: 0.3 };

describe('collapse', () => {
  it('is reported once dead gradients and chance accuracy held at two reports 20+ steps apart, since the first', () => {
    const issues = feed([
      [0, [start, start]],
      [10, [dead, healthy]],
      [20, [dead, healthy]], // two reports, but only 10 steps apart
      [30, [dead, dead]],
      [50, [dead, dead]],
    ]);
    expect(issues.slice(0, 3)).toEqual([[], [], []]);
    expect(issues[3]?.[0]).toMatchObject({ kind: 'collapsed', tasks: ['task1'], since: 10 });
    expect(issues[4]?.[0]).toMatchObject({ tasks: ['task1', 'task2'], since: 10 });
    const issue = issues[4]?.[0];
    expect(issue?.reason).toMatch(
      /Since step 10 the gradients of task1 and task2 on the shared layers are exactly zero/,
    );
    expect(issue?.reason).toMatch(/ReLU unit .* off/);
    expect(issue?.reason).toMatch(/accuracy are at chance \(0\.51 and 0\.51\)/);
    expect(issue?.advice[0]).toMatch(/Lower the learning rate \(now 10; try 0\.1/);
    expect(issue?.advice.join(' ')).toMatch(/ELU or tanh/);
    expect(JSON.parse(JSON.stringify(issues))).toEqual(issues);
  });

  it('clears when the gradients come back, and starts counting afresh', () => {
    const issues = feed([
      [0, [start]],
      [50, [dead]],
      [100, [dead]],
      [150, [healthy]],
      [200, [dead]],
      [250, [dead]],
    ]);
    expect(issues.map((i) => i[0]?.since ?? null)).toEqual([null, null, 50, null, null, 200]);
  });

  it('counts saturation (tiny gradients) with the loss far above its best, naming the units', () => {
    const saturated: Row = { loss: 4.7, metric: 0.8, norm: 1.6e-6 };
    const issues = feed(
      [
        [0, [{ loss: 0.69, metric: 0.54, norm: 0.46 }]],
        [100, [saturated]],
        [200, [saturated]],
      ],
      'accuracy',
      tanh,
    );
    expect(issues[2]?.[0]?.reason).toMatch(
      /below 1\/1000 of their start \(1\.6e-6 now, 0\.46 at the start\)/,
    );
    expect(issues[2]?.[0]?.reason).toMatch(/tanh units .* saturated/);
    expect(issues[2]?.[0]?.reason).toMatch(
      /training loss of task1 is far above its best \(4\.7 against 0\.69\)/,
    );
    expect(issues[2]?.[0]?.advice.join(' ')).toMatch(/ELU or ReLU units instead of tanh/);
  });

  it('is not convergence: vanished gradients at the best loss and a good metric, or at a minimum of the toy', () => {
    const converged: Row = { loss: 0.001, metric: 1, norm: 1e-5 };
    const run = (row: Row, metric: MetricKind, kind: 'data' | 'objective' = 'data') =>
      feed(
        [
          [0, [start]],
          [500, [row]],
          [1000, [row]],
          [1500, [row]],
        ],
        metric,
        relu,
        kind,
      ).flat();
    expect(run(converged, 'accuracy')).toEqual([]);
    expect(run({ loss: 0.001, metric: 0.99, norm: 0 }, 'r2')).toEqual([]);
    // The toy: negative losses, exactly zero gradients at a clipped minimum, a loss metric without chance.
    const toyStart: Row = { loss: 2, metric: 2, norm: 3 };
    const toy = (row: Row) =>
      feed(
        [
          [0, [toyStart]],
          [1000, [row]],
          [2000, [row]],
          [3000, [row]],
        ],
        'loss',
        relu,
        'objective',
      ).flat();
    expect(toy({ loss: -6.2, metric: -6.2, norm: 0 })).toEqual([]);
    // Stuck far above its best on a flat stretch is reported, in the toy's words.
    const stuck = feed(
      [
        [0, [toyStart]],
        [1000, [{ loss: -6.2, metric: -6.2, norm: 1 }]],
        [2000, [{ loss: 2, metric: 2, norm: 0 }]],
        [3000, [{ loss: 2, metric: 2, norm: 0 }]],
      ],
      'loss',
      relu,
      'objective',
    );
    expect(stuck[3]?.[0]?.reason).toMatch(/gradients of task1 on θ .* flat stretch/);
    expect(stuck[3]?.[0]?.advice).toHaveLength(1);
  });

  it('calls a loss far above its best under large gradients unstable, short of an explosion', () => {
    // As ELU sinusoids under Adam at learning rate 3 did: losses 300 to 6e6, never 1e6 x the start.
    const thrashing: Row = { loss: 6e3, metric: -9e3, norm: 2e4 };
    const issues = feed(
      [
        [0, [{ loss: 9.9, metric: -18, norm: 55 }]],
        [50, [thrashing]],
        [100, [{ ...thrashing, loss: 330 }]],
      ],
      'r2',
    );
    expect(issues[1]).toEqual([]);
    expect(issues[2]?.[0]).toMatchObject({ kind: 'unstable', tasks: ['task1'], since: 50 });
    expect(issues[2]?.[0]?.reason).toMatch(
      /training loss of task1 is far above its best \(330 against 9\.9\) while its gradient is large \(2e\+4 now, 55 at the start\)/,
    );
    expect(issues[2]?.[0]?.advice[0]).toMatch(/Lower the learning rate/);
    // A noisy loss is not: healthy runs gave back at most a quarter of their scale.
    const noisy = (loss: number): Row => ({ ...healthy, loss });
    expect(
      feed([
        [0, [start]],
        [50, [noisy(0.1)]],
        [100, [noisy(1.2)]],
        [150, [noisy(1.2)]],
      ]).flat(),
    ).toEqual([]);
  });

  it('needs a gradient to lose: nothing shared (zero norms from the start) is never collapse', () => {
    const unshared = (row: Row) => ({ ...row, norm: 0 });
    expect(
      feed([
        [0, [unshared(start)]],
        [50, [unshared(dead)]],
        [100, [unshared(dead)]],
      ]).flat(),
    ).toEqual([]);
  });

  it('counts a report repeated at one step once', () => {
    const issues = feed([
      [0, [start]],
      [40, [dead]],
      [40, [dead]],
    ]);
    expect(issues.flat()).toEqual([]);
  });
});

describe('explosion', () => {
  const review = (rows: Row[][], extra: Partial<Report> = {}, thetaFinite = true) => {
    const health = new TrainingHealth({
      kind: 'data',
      tasks: rows[0]!.map((_, t) => ({ name: `task${t + 1}`, metric: 'accuracy' })),
    });
    let error: unknown = null;
    rows.forEach((row, i) => {
      try {
        health.review(report(i * 100, row, i === rows.length - 1 ? extra : {}), thetaFinite, relu);
      } catch (e) {
        error = e;
      }
    });
    return error as TrainingDivergedError | null;
  };
  const ok: Row = { loss: 0.9, metric: 0.5, norm: 4 };

  it('stops a run whose loss grew a millionfold past its start and past the floor, naming step, task and quantity', () => {
    const error = review([
      [ok, ok],
      [ok, { ...ok, loss: 3.1e9 }],
    ]);
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect(error?.step).toBe(100);
    expect(error?.task).toBe('task2');
    expect(error?.message).toBe(
      "training diverged at step 100: the training loss of task 'task2' grew to 3.1e+9, 3.4e+9 times its start (0.9), " +
        'between steps 0 and 100. The run was stopped; lower the learning rate (now 10) or clip the gradients ' +
        '(isolation.clipNorm), then reset.',
    );
    expect(error?.message).not.toMatch(/\n/);
  });

  it('lets a big but bounded loss go on: under a millionfold, or under the floor for a task starting near zero', () => {
    expect(review([[ok], [{ ...ok, loss: 1.35e5 }]])).toBeNull();
    expect(review([[{ ...ok, loss: 1e-4 }], [{ ...ok, loss: 5e5 }]])).toBeNull(); // 5e9 x, but under 1e6
    expect(review([[{ ...ok, loss: 1e-4 }], [{ ...ok, loss: 2e6 }]])?.message).toMatch(/grew to 2e\+6/);
  });

  it('stops on a statistic that overflowed while the losses stayed finite: norm, cosine, weights, θ', () => {
    expect(
      review([
        [ok, ok],
        [ok, { ...ok, norm: Infinity }],
      ])?.message,
    ).toMatch(/step 100: the gradient norm of task 'task2' on the shared parameters is Infinity/);
    const cosine = [
      [1, NaN],
      [NaN, 1],
    ];
    const nanCosine = review(
      [
        [ok, ok],
        [ok, ok],
      ],
      { gradients: { norms: [4, 4], cosine, conflictShare: 0, layers: [] } },
    );
    expect(nanCosine?.message).toMatch(
      /the gradient cosine of tasks 'task1' and 'task2' on all shared parameters is NaN/,
    );
    const weights = review(
      [
        [ok, ok],
        [ok, ok],
      ],
      { weights: [NaN, 1] },
    );
    expect(weights).toMatchObject({ task: null, method: 'ew' });
    expect(weights?.message).toMatch(/the method 'ew' gave a task weight of NaN/);
    expect(review([[ok], [ok]], {}, false)?.message).toMatch(/shared parameters are no longer finite/);
    expect(review([[ok], [{ ...ok, loss: NaN }]])?.message).toMatch(
      /the training loss of task 'task1' is NaN/,
    );
  });
});
