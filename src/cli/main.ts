/**
 * MTL Playground's command line: train headlessly in Node, check methods against other implementations,
 * list the catalogue. JSON on stdout, progress and errors on stderr. Exit codes in errors.ts.
 */
import { parseArgs } from 'node:util';
import { initNodeBackend } from '../backend/node';
import { describeValue, oneLine, quoteKey } from '../engine/params/describe';
import { TrainingDivergedError } from '../engine/train/errors';
import { aggregateCommand } from './commands/aggregate';
import { listCommand } from './commands/list';
import { runCommand } from './commands/run';
import { joinNegativeValues, OPTIONS, parseSeed } from './args';
import { EXIT, isUserError, UserError } from './errors';

const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  run CONFIG.json [--set path=value ...]   train and print the resolved config, final metrics and history
  aggregate --method ID [--params JSON] [--seed N] < INPUT.json
                                           apply a method to {"grads": [[...], ...], "losses": [...]}
  list                                     every task suite, architecture, method and setting, as JSON
  help                                     this text

Examples:
  npm run -s cli -- run public/presets/toy.json --set method.id=pcgrad --set steps=500
  echo '{"grads": [[1, 0], [-0.5, 1]], "losses": [1, 1]}' | npm run -s cli -- aggregate --method pcgrad
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? EXIT.ok : EXIT.user;
  }
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; args: string[] }>
  >;
  try {
    parsed = parseArgs({
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
  const { values, positionals } = parsed;
  const allowed: Record<string, string[]> = {
    run: ['set'],
    aggregate: ['method', 'params', 'seed'],
    list: [],
  };
  const flags = allowed[command];
  if (!flags)
    throw new UserError(`unknown command ${quoteKey(command)}; accepted: run, aggregate, list, help`);
  const misplaced = Object.keys(values).filter((k) => !flags.includes(k));
  if (misplaced.length)
    throw new UserError(
      `${command}: option --${misplaced[0]} does not apply; accepted: ${flags.map((f) => `--${f}`).join(', ') || 'none'}`,
    );
  if (command !== 'run' && positionals.length)
    throw new UserError(`${command}: unexpected argument ${describeValue(positionals[0])}; accepted: none`);

  const seed = parseSeed(values.seed);
  await initNodeBackend();
  if (command === 'run') return runCommand(positionals, values.set ?? []);
  if (command === 'aggregate') return aggregateCommand(values.method, values.params, seed);
  return listCommand();
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isUserError(error)) {
      // Every message is built to be one line; this is the guarantee for any that is not.
      process.stderr.write(`error: ${oneLine(error.message, Infinity)}\n`);
      process.exitCode = EXIT.user;
    } else if (error instanceof TrainingDivergedError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = EXIT.diverged;
    } else {
      process.stderr.write(
        `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = EXIT.internal;
    }
  },
);
