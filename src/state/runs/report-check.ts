/**
 * Checks one report and one trainer info from a run file (check.ts), field by field, and rebuilds them from
 * the known fields only: whatever else a file carries is not stored. Numbers a diverged run may hold
 * (losses, cosines, weights) accept null, which is how JSON writes NaN and Infinity.
 */
import type { HealthIssue, PointReport, Report, TaskReport } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { array, boolean, matrix, number, numbers, object, oneOf, string, strings } from './check';

const MAX_TASKS = 64;

function taskReport(path: string, v: unknown): TaskReport {
  const t = object(path, v);
  const value = (key: string) => number(`${path}.${key}`, t[key], { nonFinite: true });
  return {
    name: string(`${path}.name`, t['name'], { nonEmpty: true, max: 200 }),
    trainLoss: value('trainLoss'),
    testLoss: value('testLoss'),
    trainMetric: value('trainMetric'),
    testMetric: value('testMetric'),
  };
}

export const taskReports = (path: string, v: unknown): TaskReport[] =>
  array(path, v, MAX_TASKS).map((t, i) => taskReport(`${path}[${i}]`, t));

function point(path: string, v: unknown): PointReport {
  const p = object(path, v);
  return {
    theta: numbers(`${path}.theta`, p['theta']),
    losses: numbers(`${path}.losses`, p['losses']),
    weights: numbers(`${path}.weights`, p['weights']),
    cosine: matrix(`${path}.cosine`, p['cosine']),
  };
}

function health(path: string, v: unknown): HealthIssue {
  const h = object(path, v);
  return {
    kind: oneOf(`${path}.kind`, h['kind'], ['collapsed', 'unstable'] as const),
    tasks: strings(`${path}.tasks`, h['tasks']),
    since: number(`${path}.since`, h['since'], { min: 0, whole: true }),
    reason: string(`${path}.reason`, h['reason']),
    advice: strings(`${path}.advice`, h['advice']),
  };
}

export function report(path: string, v: unknown): Report {
  const r = object(path, v);
  const g = object(`${path}.gradients`, r['gradients']);
  const out: Report = {
    step: number(`${path}.step`, r['step'], { min: 0, whole: true }),
    tasks: taskReports(`${path}.tasks`, r['tasks']),
    weights: numbers(`${path}.weights`, r['weights']),
    gradients: {
      norms: numbers(`${path}.gradients.norms`, g['norms']),
      cosine: matrix(`${path}.gradients.cosine`, g['cosine']),
      conflictShare: number(`${path}.gradients.conflictShare`, g['conflictShare'], { nonFinite: true }),
      layers: array(`${path}.gradients.layers`, g['layers']).map((l, i) => {
        const at = `${path}.gradients.layers[${i}]`;
        const layer = object(at, l);
        return {
          layer: string(`${at}.layer`, layer['layer']),
          cosine: matrix(`${at}.cosine`, layer['cosine']),
          ...(layer['norms'] === undefined ? {} : { norms: numbers(`${at}.norms`, layer['norms']) }),
        };
      }),
    },
  };
  if (r['sampling'] !== undefined) {
    const s = object(`${path}.sampling`, r['sampling']);
    out.sampling = {
      recent: numbers(`${path}.sampling.recent`, s['recent']),
      total: numbers(`${path}.sampling.total`, s['total']),
    };
  }
  if (r['affinity'] !== undefined) {
    const a = object(`${path}.affinity`, r['affinity']);
    out.affinity = {
      matrix: matrix(`${path}.affinity.matrix`, a['matrix']),
      samples: number(`${path}.affinity.samples`, a['samples'], { min: 0, whole: true }),
    };
  }
  if (r['points'] !== undefined)
    out.points = array(`${path}.points`, r['points']).map((p, i) => point(`${path}.points[${i}]`, p));
  if (r['health'] !== undefined)
    out.health = array(`${path}.health`, r['health']).map((h, i) => health(`${path}.health[${i}]`, h));
  return out;
}

export function trainerInfo(path: string, v: unknown): TrainerInfo | null {
  if (v === null) return null;
  const info = object(path, v, 'an object or null');
  const p = object(`${path}.parameters`, info['parameters']);
  return {
    tasks: array(`${path}.tasks`, info['tasks'], MAX_TASKS).map((t, i) => {
      const at = `${path}.tasks[${i}]`;
      const task = object(at, t);
      return {
        name: string(`${at}.name`, task['name'], { nonEmpty: true, max: 200 }),
        metric: oneOf(`${at}.metric`, task['metric'], ['accuracy', 'r2', 'mse', 'loss'] as const),
        metricLabel: string(`${at}.metricLabel`, task['metricLabel'], { max: 200 }),
        higherIsBetter: boolean(`${at}.higherIsBetter`, task['higherIsBetter']),
      };
    }),
    kind: oneOf(`${path}.kind`, info['kind'], ['data', 'objective'] as const),
    replicas: number(`${path}.replicas`, info['replicas'], { min: 1, whole: true }),
    parameters: {
      shared: number(`${path}.parameters.shared`, p['shared'], { min: 0 }),
      taskSpecificPerTask: number(`${path}.parameters.taskSpecificPerTask`, p['taskSpecificPerTask'], {
        min: 0,
      }),
      total: number(`${path}.parameters.total`, p['total'], { min: 0 }),
    },
    sharedLayers: strings(`${path}.sharedLayers`, info['sharedLayers']),
    gradientStrategy: oneOf(`${path}.gradientStrategy`, info['gradientStrategy'], [
      'fused',
      'stacked',
      'loop',
    ] as const),
    backend: string(`${path}.backend`, info['backend'], { max: 100 }),
  };
}
