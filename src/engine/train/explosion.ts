/**
 * Explosions the device-side watch cannot see, found in JS in the values every report reads back anyway (no
 * GPU work, once per report): a loss that stays finite but has grown many orders of magnitude above its
 * start, and statistics that overflow although the values they summarise are finite (float32 squares of
 * gradient entries beyond ~1.8e19 make an infinite norm and a NaN cosine, which is how Nash-MTL and FairGrad
 * runs under SGD at huge learning rates looked: finite losses, Inf norms, and training going on).
 */
import { TrainingDivergedError } from './errors';
import type { Report } from './report';

/** A loss this many times its first reported value has exploded... */
export const EXPLOSION_FACTOR = 1e6;
/**
 * ...when it is above this too, so that a task starting near zero does not trip on an ordinary spike. The
 * largest we measured from a run that then merely collapsed (Adam, learning rate 10, default experiment)
 * was 1.35e5 for a single batch, 2.4e4 x its start; Adam at 1e3 reaches 1e9 within 50 steps.
 */
export const EXPLOSION_FLOOR = 1e6;

export interface ExplosionContext {
  /** Each task's train loss in the first report: where growth is measured from. */
  start: readonly number[];
  /** The step of the report before this one, to say between which steps it happened. */
  previousStep: number;
  methodId: string;
  learningRate: number;
  /**
   * Whether every entry of the shared parameters θ is finite: one flag reduced on the device and read with
   * the report, so networks need not read θ itself back (the watch's per-step flags cover the gradients and
   * the update, not what the optimizer made of them).
   */
  thetaFinite: boolean;
}

/** Short numbers for messages: 0.96, 12.5, 1.2e+9, 1e+6. */
export function short(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a >= 1e4 || a < 1e-3)
    ? Number(x.toPrecision(2)).toExponential()
    : String(Number(x.toPrecision(3)));
}

/** The first sign of an explosion in this report, as the error that stops the run; null when healthy. */
export function findExplosion(report: Report, ctx: ExplosionContext): TrainingDivergedError | null {
  const at = report.step;
  const remedy =
    `The run was stopped; lower the learning rate (now ${short(ctx.learningRate)}) or clip the gradients ` +
    '(isolation.clipNorm), then reset.';
  const stop = (task: string | null, what: string, method: string | null = null) =>
    new TrainingDivergedError(at, task, method, `${what}. ${remedy}`);
  const between = `between steps ${ctx.previousStep} and ${at}`;

  for (const [t, task] of report.tasks.entries()) {
    const start = ctx.start[t] ?? NaN;
    const limit = Math.max(
      EXPLOSION_FACTOR * (Number.isFinite(start) ? Math.abs(start) : 0),
      EXPLOSION_FLOOR,
    );
    for (const [which, value] of [
      ['training', task.trainLoss],
      ['test', task.testLoss],
    ] as const) {
      if (!Number.isFinite(value))
        return stop(task.name, `the ${which} loss of task '${task.name}' is ${value}, ${between}`);
      if (Math.abs(value) > limit) {
        const times =
          Math.abs(start) > 0 ? `, ${short(Math.abs(value / start))} times its start (${short(start)})` : '';
        return stop(
          task.name,
          `the ${which} loss of task '${task.name}' grew to ${short(value)}${times}, ${between}`,
        );
      }
    }
  }
  const names = report.tasks.map((t) => t.name);
  for (const [t, norm] of report.gradients.norms.entries()) {
    if (!Number.isFinite(norm))
      return stop(
        names[t] ?? null,
        `the gradient norm of task '${names[t]}' on the shared parameters is ${norm}: its entries grew ` +
          `past what float32 can square (about 1e19), ${between}`,
      );
  }
  const matrices = [
    { where: 'all shared parameters', cosine: report.gradients.cosine },
    ...report.gradients.layers.map((l) => ({ where: l.layer, cosine: l.cosine })),
  ];
  for (const { where, cosine } of matrices) {
    for (const [i, row] of cosine.entries()) {
      const j = row.findIndex((c) => !Number.isFinite(c));
      if (j >= 0)
        return stop(
          names[i] ?? null,
          `the gradient cosine of tasks '${names[i]}' and '${names[j]}' on ${where} is ${row[j]} ` +
            `(their gradients overflowed), ${between}`,
        );
    }
  }
  const weight = report.weights.find((w) => !Number.isFinite(w));
  if (weight !== undefined)
    return stop(
      null,
      `the method '${ctx.methodId}' gave a task weight of ${weight}, ${between}`,
      ctx.methodId,
    );
  if (!ctx.thetaFinite) return stop(null, `the shared parameters are no longer finite, ${between}`);
  return null;
}
