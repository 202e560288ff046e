/**
 * MTL Playground's command line as a function: `runCli(argv, io, backends)` parses the arguments, runs
 * the command and returns the exit code, writing JSON to io's stdout and progress and errors to its
 * stderr. main.ts binds it to the process; tests call it in-process. Exit codes in errors.ts.
 */
import { parseArgs } from 'node:util';
import { describeValue, oneLine, quoteKey } from '../engine/params/describe';
import { TrainingDivergedError } from '../engine/train/errors';
import { aggregateCommand } from './commands/aggregate';
import { groupCommand } from './commands/group';
import { lessonCommand } from './commands/lesson';
import { listCommand } from './commands/list';
import { runCommand } from './commands/run';
import { sweepCommand } from './commands/sweep';
import { joinNegativeValues, OPTIONS, parseSeed, parseThreads } from './args';
import { EXIT, isUserError, UserError } from './errors';
import type { CliIo } from './io';
import { USAGE } from './usage';

/**
 * The tfjs backends the caller can start. Picking a backend is an entry point's job
 * (src/backend is off limits below them), so main.ts passes src/backend/node.ts's in.
 */
export interface CliBackends {
  readonly names: readonly string[];
  /** Makes `name` (one of names) the current tfjs backend. */
  init(name: string): Promise<unknown>;
}

/**
 * The backend without --backend: wasm. WebAssembly (XNNPACK's SIMD kernels) runs the default experiment at
 * about four times the steps per second of the JavaScript cpu backend (figures in README "Command line"),
 * with the same losses to float32 rounding. Its reductions over an empty axis used to read leftover heap
 * values (a model with no shared parameters computes them); src/backend/wasm-empty-reductions.ts makes
 * them answer as cpu does, and test/independent-nets-wasm.test.ts trains such a model with every method.
 */
export const DEFAULT_BACKEND = 'wasm';

/** Which options each command takes. */
const COMMAND_OPTIONS: Record<string, (keyof typeof OPTIONS)[]> = {
  run: ['set', 'backend'],
  sweep: ['set', 'backend', 'history', 'threads'],
  aggregate: ['method', 'params', 'seed', 'backend'],
  list: [],
};

export async function runCli(argv: readonly string[], io: CliIo, backends: CliBackends): Promise<number> {
  try {
    return await dispatch(argv, io, backends);
  } catch (error) {
    if (isUserError(error)) {
      // Every message is built to be one line; this is the guarantee for any that is not.
      io.err.write(`error: ${oneLine(error.message, Infinity)}\n`);
      return EXIT.user;
    }
    if (error instanceof TrainingDivergedError) {
      io.err.write(`error: ${error.message}\n`);
      return EXIT.diverged;
    }
    io.err.write(
      `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.internal;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, backends: CliBackends): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    await io.writeOut(USAGE);
    return command ? EXIT.ok : EXIT.user;
  }
  // `lesson list|check` parses its own sub-command and options (--all).
  if (command === 'lesson') return lessonCommand(rest, io, backends, DEFAULT_BACKEND);
  if (command === 'group') return groupCommand(rest, io, backends, DEFAULT_BACKEND);
  const { values, positionals } = parse(command, rest);
  const flags = COMMAND_OPTIONS[command];
  if (!flags)
    throw new UserError(
      `unknown command ${quoteKey(command)}; accepted: run, sweep, aggregate, list, lesson, group, help`,
    );
  const misplaced = Object.keys(values).filter((k) => !(flags as string[]).includes(k));
  if (misplaced.length)
    throw new UserError(
      `${command}: option --${misplaced[0]} does not apply; accepted: ${flags.map((f) => `--${f}`).join(', ') || 'none'}`,
    );
  if (command !== 'run' && command !== 'sweep' && positionals.length)
    throw new UserError(`${command}: unexpected argument ${describeValue(positionals[0])}; accepted: none`);

  if (command === 'list') return listCommand(io);
  const seed = parseSeed(values.seed);
  const threads = parseThreads(values.threads);
  await backends.init(parseBackend(values.backend, backends.names, DEFAULT_BACKEND));
  if (command === 'run') return runCommand(positionals, values.set ?? [], io);
  if (command === 'sweep')
    return sweepCommand(
      positionals,
      { sets: values.set ?? [], history: values.history ?? false, threads },
      io,
    );
  return aggregateCommand(values.method, values.params, seed, io);
}

function parse(command: string, rest: string[]) {
  try {
    return parseArgs({
      args: joinNegativeValues(rest),
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Its message quotes the offending argument, which may be anything: keep the line short.
    const why = oneLine((error as Error).message.split('\n')[0] ?? '', 160);
    throw new UserError(`${oneLine(command, 40)}: ${why} (see \`npm run -s cli -- help\`)`);
  }
}

/** --backend, checked against what the entry point can start. */
export function parseBackend(text: string | undefined, names: readonly string[], fallback: string): string {
  if (text === undefined) return fallback;
  if (names.includes(text)) return text;
  throw new UserError(`--backend: expected one of ${names.join(', ')}, got ${describeValue(text)}`);
}
