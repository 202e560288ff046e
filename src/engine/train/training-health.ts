/**
 * Is the run still learning? Judged in JS once per report from what the report already holds (losses,
 * metrics, gradient norms): no GPU work. Three jobs:
 * - explosions stop the run (explosion.ts), measured from the first report's losses;
 * - collapse is explained but not stopped: a task's gradient on the shared parameters has vanished (below
 *   1/1000 of its first reported norm; exactly zero when every unit of a shared layer is off) while the task
 *   is at chance or far above its best loss. Vanished gradients alone are not collapse: a converged run (the
 *   toy at a minimum, a perfectly fit task) has them too, with its loss at its best and its metric high;
 * - instability is explained too: the loss stays many times its scale above its best while the gradients
 *   are large, short of an explosion.
 * A sign must hold at two reports at least 20 steps apart, so no single step and no run's start flags.
 */
import type { ExperimentConfig } from '../config/types';
import type { MetricKind } from '../tasks/losses';
import { findExplosion } from './explosion';
import { collapseIssue, unstableIssue, type TaskSign } from './health-text';
import type { HealthIssue, Report } from './report';

/**
 * A shared gradient below this fraction of its first reported norm has vanished. Measured at reports every
 * 20 steps: collapsed runs sat at exactly 0 (ReLU) or below 9e-5 (saturated tanh); healthy ones dipped to
 * 2e-3 (the imbalanced-noisy preset's 20-sample task, fitted: at its best loss) and 4e-3 (the default with
 * any method), and never below 2e-2 while at chance (that preset's corrupted task has R² ≈ 0 by design).
 */
export const VANISHED = 1e-3;
/**
 * Far above its best: the loss gave back more than this share of its scale (`scale` below). Healthy runs
 * gave back at most 0.25 (DB-MTL on the default); the saturated tanh preset at learning rate 10, 4.5 and more.
 */
export const STALLED = 0.5;
/**
 * Unstable: the loss stays more than this many scales above its best while the gradients are anything but
 * vanished (the steps overshoot). Healthy runs stayed within 0.25; ELU sinusoids under Adam at learning
 * rate 3 sat 30 to 6e5 above for hundreds of steps without exploding.
 */
export const UNSTABLE = 10;
/** A sign counts once it held at this many consecutive reports... */
export const MIN_REPORTS = 2;
/** ...spanning at least this many steps. */
export const MIN_SPAN = 20;

type Sign = HealthIssue['kind'];

interface Track {
  firstNorm: number;
  firstLoss: number;
  best: number;
  /** The sign this task shows, since the step of the first report of the current run showing it. */
  sign: Sign | null;
  since: number;
  reports: number;
}

export class TrainingHealth {
  private tracks: Track[] | null = null;
  /** The previous report's step (−1 before the first): a report repeated at one step counts once. */
  private lastStep = -1;

  constructor(
    private readonly info: {
      kind: 'data' | 'objective';
      tasks: { name: string; metric: MetricKind; chance?: number }[];
    },
  ) {}

  /** Its memory of the run (plain JSON), for a checkpoint (checkpoint.ts). */
  save(): unknown {
    return structuredClone({ tracks: this.tracks, lastStep: this.lastStep });
  }

  /** Continue from `save()`'s value; throws, changing nothing, when it does not describe these tasks. */
  restore(saved: unknown): void {
    const s = saved as { tracks?: unknown; lastStep?: unknown } | null;
    const fields = ['firstNorm', 'firstLoss', 'best', 'since', 'reports'] as const;
    const isTrack = (t: unknown): t is Track =>
      typeof t === 'object' &&
      t !== null &&
      fields.every((f) => typeof (t as Record<string, unknown>)[f] === 'number') &&
      [null, 'collapsed', 'unstable'].includes((t as { sign?: unknown }).sign as string | null);
    const tracks = s?.tracks;
    const fits =
      typeof s?.lastStep === 'number' &&
      (tracks === null ||
        (Array.isArray(tracks) && tracks.length === this.info.tasks.length && tracks.every(isTrack)));
    if (!fits) throw new Error(`its health record does not describe ${this.info.tasks.length} tasks`);
    this.tracks = structuredClone(tracks);
    this.lastStep = s.lastStep as number;
  }

  /**
   * This report's health issues. Throws TrainingDivergedError when the report shows an explosion.
   * `thetaFinite`: whether the shared parameters were all finite when it was read back; `config` the
   * settings now (advice names the learning rate).
   */
  review(report: Report, thetaFinite: boolean, config: ExperimentConfig): HealthIssue[] {
    const tracks = (this.tracks ??= report.tasks.map((t, i) => ({
      firstNorm: report.gradients.norms[i] ?? 0,
      firstLoss: t.trainLoss,
      best: t.trainLoss,
      sign: null,
      since: 0,
      reports: 0,
    })));
    const exploded = findExplosion(report, {
      start: tracks.map((t) => t.firstLoss),
      previousStep: Math.max(this.lastStep, 0),
      methodId: config.method.id,
      learningRate: config.learningRate,
      thetaFinite,
    });
    if (exploded) throw exploded;
    const repeated = report.step === this.lastStep;
    this.lastStep = report.step;
    const signs: Record<Sign, TaskSign[]> = { collapsed: [], unstable: [] };
    report.tasks.forEach((task, i) => {
      const track = tracks[i] as Track;
      const norm = report.gradients.norms[i] ?? 0;
      // At or below its chance level (tasks/losses.ts chanceLevel): accuracy near a constant prediction's.
      const chance = this.info.tasks[i]?.chance;
      const atChance = chance !== undefined && task.trainMetric <= chance;
      const above = (task.trainLoss - track.best) / scale(track);
      track.best = Math.min(track.best, task.trainLoss);
      // Nothing shared (independent nets, a task masked off every layer) has no gradient to lose; nor has a
      // step whose rows all read their embedding from the cache (or a frozen bottom): no trunk gradient by design.
      const cached = (report.embeddingCache?.stepHitRate ?? 0) >= 1 - VANISHED;
      const vanished = !cached && track.firstNorm > 0 && norm < VANISHED * track.firstNorm;
      const sign: Sign | null =
        vanished && (atChance || above > STALLED)
          ? 'collapsed'
          : !vanished && above > UNSTABLE
            ? 'unstable'
            : null;
      if (sign !== track.sign) Object.assign(track, { sign, since: report.step, reports: 0 });
      if (!sign) return;
      if (!repeated) track.reports++;
      if (track.reports < MIN_REPORTS || report.step - track.since < MIN_SPAN) return;
      signs[sign].push({
        name: task.name,
        metric: task.trainMetric,
        metricKind: this.info.tasks[i]?.metric ?? 'loss',
        atChance,
        norm,
        firstNorm: track.firstNorm,
        loss: task.trainLoss,
        best: track.best,
        since: track.since,
      });
    });
    return [
      ...(signs.collapsed.length ? [collapseIssue(signs.collapsed, this.info, config)] : []),
      ...(signs.unstable.length ? [unstableIssue(signs.unstable, config)] : []),
    ];
  }
}

/** The size of a task's loss, for "far above its best": its start, its best, or how far it came. */
function scale(track: Track): number {
  return Math.max(Math.abs(track.firstLoss), Math.abs(track.best), track.firstLoss - track.best, 1e-6);
}
