/** Command-line arguments: the options, negative numbers as option values, and --seed's range. */
import { numberAccepted } from '../engine/params/accepted';
import { describeValue } from '../engine/params/describe';
import { TRAINING_SETTINGS } from '../engine/config/settings';
import { UserError } from './errors';

export const OPTIONS = {
  set: { type: 'string', multiple: true },
  method: { type: 'string' },
  params: { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  history: { type: 'boolean' },
  threads: { type: 'string' },
} as const;

/**
 * util.parseArgs reads `--seed -1` as two options and calls the value ambiguous; a value that looks like
 * a negative number is glued to its option (`--seed=-1`) so that the option's own check can say what it
 * accepts.
 */
export function joinNegativeValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    if (Object.hasOwn(OPTIONS, name) && next !== undefined && /^-(\d|\.\d|Infinity\b)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** --seed as the training setting accepts it (the same range as a config's seed). */
export function parseSeed(text: string | undefined): number {
  if (text === undefined) return 1;
  const spec = TRAINING_SETTINGS.seed;
  const seed = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (Number.isInteger(seed) && seed >= spec.min && seed <= spec.max) return seed;
  const shown = Number.isFinite(Number(text)) && text.trim() !== '' ? text.trim() : describeValue(text);
  throw new UserError(`--seed: expected ${numberAccepted(spec)}, got ${shown}`);
}

/** The most threads --threads accepts: beyond this a study is memory-bound, not core-bound. */
export const MAX_THREADS = 64;

/** --threads N|auto (sweep): null for auto, which thread-lanes.ts sizes to the machine. */
export function parseThreads(text: string | undefined): number | null {
  if (text === undefined || text.trim() === 'auto') return null;
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= MAX_THREADS) return n;
  throw new UserError(
    `--threads: expected auto or a whole number from 1 to ${MAX_THREADS}, got ${describeValue(text)}`,
  );
}
