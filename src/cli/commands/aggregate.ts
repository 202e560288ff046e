/**
 * `cli aggregate --method ID [--params JSON] < INPUT.json` with INPUT {"grads": [[...], ...], "losses": [...]}
 * (and "repGrads" for methods that need representation gradients, "kpis" for those that weigh by KPIs): what the method makes of these task
 * gradients on a first step. Prints {"direction": [...], "weights": [...]}.
 */
import * as tf from '@tensorflow/tfjs';
import { findMethod, METHODS } from '../../engine/methods/registry';
import { validateParams } from '../../engine/params/validate';
import { Rng } from '../../engine/random/rng';
import { ConfigError } from '../../engine/config/types';
import { EXIT, UserError } from '../errors';
import { parseJson, readStdin, writeJson } from '../io';

function matrix(value: unknown, field: string): number[][] {
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (row) =>
        Array.isArray(row) && row.length > 0 && row.every((x) => typeof x === 'number' && Number.isFinite(x)),
    );
  if (!ok)
    throw new UserError(
      `input.${field}: expected a non-empty list of non-empty lists of finite numbers (one row per task)`,
    );
  const rows = value as number[][];
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width))
    throw new UserError(`input.${field}: every row must have the same length (${width})`);
  return rows;
}

export async function aggregateCommand(
  methodId: string | undefined,
  paramsText: string | undefined,
  seed: number,
): Promise<number> {
  if (!methodId)
    throw new UserError(`aggregate: --method is required; accepted: ${METHODS.map((m) => m.id).join(', ')}`);
  const method = findMethod(methodId);
  if (!method)
    throw new UserError(
      `--method: unknown method '${methodId}'; accepted: ${METHODS.map((m) => m.id).join(', ')}`,
    );
  const params = validateParams(
    method.params,
    paramsText === undefined ? {} : parseJson(paramsText, '--params'),
    '--params',
  );
  if (!params.ok) throw new ConfigError(params.issues);

  const input = parseJson(await readStdin(), 'stdin');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UserError('stdin: expected {"grads": [[...], ...], "losses": [...]}');
  }
  const {
    grads: rawGrads,
    losses: rawLosses,
    repGrads: rawRep,
    kpis: rawKpis,
    ...rest
  } = input as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length)
    throw new UserError(`input: unknown field '${unknown[0]}'; accepted: grads, losses, repGrads, kpis`);
  const grads = matrix(rawGrads, 'grads');
  const T = grads.length;
  const losses = rawLosses === undefined ? grads.map(() => 1) : rawLosses;
  if (
    !Array.isArray(losses) ||
    losses.length !== T ||
    !losses.every((x) => typeof x === 'number' && Number.isFinite(x))
  ) {
    throw new UserError(`input.losses: expected ${T} finite numbers (one per task)`);
  }
  const issues = method.check?.(params.value, { numTasks: T }) ?? [];
  if (issues.length)
    throw new ConfigError(issues.map((i) => ({ path: `--params.${i.path}`, message: i.message })));
  const needsRep = method.needsRepGrads?.(params.value) ?? false;
  const rep = rawRep === undefined ? undefined : matrix(rawRep, 'repGrads');
  if (needsRep && !rep)
    throw new UserError(
      `input.repGrads: '${method.id}' with these parameters needs the representation gradients`,
    );
  if (rep && rep.length !== T)
    throw new UserError(`input.repGrads: expected ${T} rows (one per task), got ${rep.length}`);

  const kpis = rawKpis ?? (method.needsKpis ? undefined : null);
  if (kpis === undefined)
    throw new UserError(
      `input.kpis: '${method.id}' weighs tasks by their KPI; expected ${T} numbers in [0, 1] (one per task, e.g. accuracies)`,
    );
  if (
    kpis !== null &&
    (!Array.isArray(kpis) ||
      kpis.length !== T ||
      !kpis.every((x) => typeof x === 'number' && x >= 0 && x <= 1))
  )
    throw new UserError(`input.kpis: expected ${T} numbers in [0, 1] (one per task)`);

  const instance = method.create({
    numTasks: T,
    numReplicas: 1,
    numShared: grads[0]?.length ?? 0,
    params: params.value,
    rng: new Rng(seed).fork(`method:${method.id}`),
  });
  const G = tf.tensor3d([grads]);
  const L = tf.tensor2d([losses as number[]]);
  const R = rep ? tf.tensor3d([rep]) : undefined;
  const K = kpis ? tf.tensor2d([kpis as number[]]) : undefined;
  try {
    const agg = await instance.aggregate({
      grads: G,
      losses: L,
      step: 0,
      ...(R ? { repGrads: R } : {}),
      ...(K ? { kpis: K } : {}),
    });
    const [direction, weights] = await Promise.all([agg.direction.data(), agg.weights.data()]);
    tf.dispose([agg.direction, agg.weights, ...(agg.trainableGrads ?? [])]);
    await writeJson({
      method: method.id,
      params: params.value,
      direction: Array.from(direction),
      weights: Array.from(weights),
    });
  } finally {
    instance.dispose();
    tf.dispose([G, L, ...(R ? [R] : []), ...(K ? [K] : [])]);
  }
  return EXIT.ok;
}
