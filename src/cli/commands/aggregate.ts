/**
 * `cli aggregate --method ID [--params JSON] < INPUT.json` with INPUT {"grads": [[...], ...], "losses": [...]}
 * (and "repGrads" for methods that need representation gradients, "kpis" for those that weigh by KPIs):
 * what the method makes of these task gradients on a first step. Prints {"direction": [...], "weights": [...]}.
 * Inputs beyond MAX_TASKS rows or MAX_ENTRIES numbers are refused up front, with the limit named.
 */
import { aggregateOnce } from '../../engine/methods/aggregate-once';
import { findMethod, METHODS } from '../../engine/methods/registry';
import { validateParams } from '../../engine/params/validate';
import { ConfigError } from '../../engine/config/types';
import { describeValue, quoteKey, quoteKeys } from '../../engine/params/describe';
import { EXIT, UserError } from '../errors';
import { type CliIo, parseJson, readStdin, writeJson } from '../io';

/**
 * The largest problem `aggregate` takes (measured on the tfjs CPU backend of a busy 2-core machine). Some
 * methods grow faster than T³ in the number of tasks (PCGrad runs T − 1 rounds of T x T products): 64 tasks
 * take about a second, 256 tens of seconds, 1,000 a quarter of an hour. A million numbers (e.g. 10 x 100,000)
 * take about a second for every method except trimmed-mean (about 40 s: it ranks each coordinate by comparing
 * every pair of tasks, T² x P work and memory).
 */
export const MAX_TASKS = 64;
export const MAX_ENTRIES = 1_000_000;

const count = (n: number): string => n.toLocaleString('en-US');

/** A [T, P] matrix of finite numbers as one flat Float32Array, checked size first (cheap) then entries. */
function matrix(value: unknown, field: string): { rows: number; cols: number; data: Float32Array } {
  const path = `input.${field}`;
  const accepted = `a non-empty list of at most ${MAX_TASKS} equal-length lists of finite numbers (one row per task)`;
  if (!Array.isArray(value) || value.length === 0)
    throw new UserError(`${path}: expected ${accepted}, got ${describeValue(value)}`);
  if (value.length > MAX_TASKS)
    throw new UserError(`${path}: expected at most ${MAX_TASKS} rows (tasks), got ${count(value.length)}`);
  const first: unknown = value[0];
  const cols = Array.isArray(first) ? first.length : 0;
  value.forEach((row: unknown, t) => {
    if (!Array.isArray(row) || row.length === 0)
      throw new UserError(
        `${path}[${t}]: expected a non-empty list of finite numbers, got ${describeValue(row)}`,
      );
    if (row.length !== cols)
      throw new UserError(
        `${path}: every row must have the same length (${count(cols)}); row ${t} has ${count(row.length)}`,
      );
  });
  if (value.length * cols > MAX_ENTRIES)
    throw new UserError(
      `${path}: expected at most ${count(MAX_ENTRIES)} numbers in all (tasks × parameters), got ${count(value.length)} × ${count(cols)}`,
    );
  const data = new Float32Array(value.length * cols);
  (value as unknown[][]).forEach((row, t) =>
    row.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new UserError(`${path}[${t}][${i}]: expected a finite number, got ${describeValue(x)}`);
      data[t * cols + i] = x;
    }),
  );
  return { rows: value.length, cols, data };
}

/** One number per task (losses, KPIs): `what` says which numbers, `ok` checks each. */
function perTask(
  value: unknown,
  field: string,
  T: number,
  what: string,
  ok: (x: number) => boolean,
): number[] {
  const fits = (x: unknown): x is number => typeof x === 'number' && ok(x);
  if (Array.isArray(value) && value.length === T && value.every(fits)) return value;
  const got = Array.isArray(value)
    ? `${count(value.length)} items ${describeValue(value)}`
    : describeValue(value);
  throw new UserError(`input.${field}: expected ${T} ${what} (one per task), got ${got}`);
}

export async function aggregateCommand(
  methodId: string | undefined,
  paramsText: string | undefined,
  seed: number,
  io: CliIo,
): Promise<number> {
  if (!methodId)
    throw new UserError(`aggregate: --method is required; accepted: ${METHODS.map((m) => m.id).join(', ')}`);
  const method = findMethod(methodId);
  if (!method)
    throw new UserError(
      `--method: unknown method ${quoteKey(methodId)}; accepted: ${METHODS.map((m) => m.id).join(', ')}`,
    );
  const params = validateParams(
    method.params,
    paramsText === undefined ? {} : parseJson(paramsText, '--params'),
    '--params',
  );
  if (!params.ok) throw new ConfigError(params.issues);

  const input = parseJson(await readStdin(io), 'stdin');
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new UserError(
      `stdin: expected {"grads": [[...], ...], "losses": [...]}, got ${describeValue(input)}`,
    );
  const fields = ['grads', 'losses', 'repGrads', 'kpis'];
  const unknown = Object.keys(input).filter((k) => !fields.includes(k));
  if (unknown.length)
    throw new UserError(`input: unknown field ${quoteKeys(unknown)}; accepted: ${fields.join(', ')}`);
  const field = (key: string): unknown =>
    Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined;
  const grads = matrix(field('grads'), 'grads');
  const T = grads.rows;
  const rawLosses = field('losses');
  const losses =
    rawLosses === undefined
      ? new Array<number>(T).fill(1)
      : perTask(rawLosses, 'losses', T, 'finite numbers', Number.isFinite);
  const issues = method.check?.(params.value, { numTasks: T }) ?? [];
  if (issues.length) throw new ConfigError(issues.map((i) => ({ ...i, path: `--params.${i.path}` })));
  const needsRep = method.needsRepGrads?.(params.value) ?? false;
  const rawRep = field('repGrads');
  const rep = rawRep === undefined ? undefined : matrix(rawRep, 'repGrads');
  if (needsRep && !rep)
    throw new UserError(
      `input.repGrads: '${method.id}' with these parameters needs the representation gradients`,
    );
  if (rep && rep.rows !== T)
    throw new UserError(`input.repGrads: expected ${T} rows (one per task), got ${rep.rows}`);

  const rawKpis = field('kpis') ?? undefined;
  if (rawKpis === undefined && method.needsKpis)
    throw new UserError(
      `input.kpis: '${method.id}' weighs tasks by their KPI; expected ${T} numbers in [0, 1] (one per task, e.g. accuracies)`,
    );
  const kpis =
    rawKpis === undefined
      ? undefined
      : perTask(rawKpis, 'kpis', T, 'numbers in [0, 1]', (x) => x >= 0 && x <= 1);

  const { direction, weights } = await aggregateOnce({
    method,
    params: params.value,
    grads,
    losses,
    ...(rep ? { repGrads: rep } : {}),
    ...(kpis ? { kpis } : {}),
    seed,
  });
  await writeJson(io, {
    method: method.id,
    params: params.value,
    direction: Array.from(direction),
    weights: Array.from(weights),
  });
  return EXIT.ok;
}
