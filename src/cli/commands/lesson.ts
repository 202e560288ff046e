/**
 * `cli lesson list` and `cli lesson check <id>|--all` (issue 13).
 * - list: every lesson of public/lessons/index.json, in its order, as JSON `[{ id, title, paper }]` (each
 *   lesson file is validated on the way: a bad one is exit 2 naming the file and the field).
 * - check: trains the lesson's check over its seeds (src/engine/lesson-checks/), one line per seed on
 *   stderr and the LessonVerdict JSON on stdout (with --all, a list of them in the index's order). Exit 0
 *   when the finding holds, 1 when it does not (the numbers are in the JSON and the seed lines), 2 for an
 *   unknown id (the line names the accepted ids), a bad lesson file or bad arguments.
 * The sub-command parses its own arguments (`--all`, `--backend`), so the shared option table stays the
 * other commands'.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  LESSONS_DIR,
  type LessonReader,
  loadLesson,
  loadLessonIndex,
} from '../../engine/lessons/load-lesson';
import { findLessonCheck, lessonCheckIds } from '../../engine/lesson-checks/registry';
import { runLessonCheck } from '../../engine/lesson-checks/run-check';
import type { LessonVerdict } from '../../engine/lesson-checks/types';
import { describeValue, oneLine, quoteKey } from '../../engine/params/describe';
import { EXIT, UserError } from '../errors';
import { type CliIo, writeJson } from '../io';

/** The backends the entry point can start (cli.ts's CliBackends, restated: cli.ts imports this file). */
interface Backends {
  readonly names: readonly string[];
  init(name: string): Promise<unknown>;
}

/** `lesson check`'s exit code when the finding does not hold (issue 13: "exit 1 with the numbers"). */
export const FINDING_FAILS = 1;

const SUBCOMMANDS = 'list, check';

/** The lesson files under `root` (the repository root: npm runs the CLI there). */
export const lessonFiles =
  (root: string): LessonReader =>
  (file) =>
    readFile(join(root, LESSONS_DIR, file), 'utf8');

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: { all: { type: 'boolean' }, backend: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const why = oneLine((error as Error).message.split('\n')[0] ?? '', 160);
    throw new UserError(`lesson: ${why} (see \`npm run -s cli -- help\`)`);
  }
}

async function listLessons(io: CliIo, read: LessonReader): Promise<number> {
  const index = await loadLessonIndex(read);
  const lessons = [];
  for (const { id } of index.lessons) {
    const lesson = await loadLesson(id, read);
    lessons.push({ id: lesson.id, title: lesson.title, paper: lesson.paper });
  }
  await writeJson(io, lessons);
  return EXIT.ok;
}

/** The lessons to check: one id (it must have a registered check) or, with --all, the index's lessons. */
async function idsToCheck(positionals: string[], all: boolean, read: LessonReader): Promise<string[]> {
  const accepted = lessonCheckIds().join(', ');
  if (all) {
    if (positionals.length)
      throw new UserError(
        `lesson check: give a lesson id or --all, not both (got ${describeValue(positionals[0])})`,
      );
    const ids = (await loadLessonIndex(read)).lessons.map((l) => l.id);
    const unchecked = ids.find((id) => !findLessonCheck(id));
    if (unchecked)
      throw new UserError(
        `lesson check --all: lesson ${quoteKey(unchecked)} has no check; checks exist for: ${accepted}`,
      );
    return ids;
  }
  const [id, ...extra] = positionals;
  if (!id) throw new UserError(`lesson check: expected a lesson id or --all; accepted ids: ${accepted}`);
  if (extra.length)
    throw new UserError(`lesson check: expected one lesson id, got also ${describeValue(extra[0])}`);
  if (!findLessonCheck(id))
    throw new UserError(`lesson check: unknown lesson ${quoteKey(id)}; accepted: ${accepted}`);
  return [id];
}

export async function lessonCommand(
  argv: readonly string[],
  io: CliIo,
  backends: Backends,
  defaultBackend: string,
  read: LessonReader = lessonFiles(process.cwd()),
): Promise<number> {
  const { values, positionals } = parse(argv);
  const [sub, ...rest] = positionals;
  if (sub === 'list') {
    if (rest.length || values.all || values.backend !== undefined)
      throw new UserError('lesson list: takes no arguments or options');
    return listLessons(io, read);
  }
  if (sub !== 'check')
    throw new UserError(
      `lesson: expected a sub-command, got ${sub === undefined ? 'nothing' : describeValue(sub)}; accepted: ${SUBCOMMANDS}`,
    );
  const ids = await idsToCheck(rest, values.all ?? false, read);
  // Every lesson file is read (and validated) before anything trains.
  const lessons = [];
  for (const id of ids) lessons.push(await loadLesson(id, read));
  const backend = values.backend ?? defaultBackend;
  if (!backends.names.includes(backend))
    throw new UserError(
      `--backend: expected one of ${backends.names.join(', ')}, got ${describeValue(backend)}`,
    );
  await backends.init(backend);
  const log = (line: string) => io.err.write(`${line}\n`);
  const verdicts: LessonVerdict[] = [];
  for (const lesson of lessons) {
    const check = findLessonCheck(lesson.id);
    if (!check) throw new Error(`lesson ${lesson.id}: no check (idsToCheck lets only checked ids through)`);
    const started = performance.now();
    const verdict = await runLessonCheck(check, lesson, log);
    const held = verdict.seeds.filter((s) => s.holds).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `${lesson.id}: the finding ${verdict.holds ? 'holds' : 'does NOT hold'} in ${held}/${verdict.seeds.length} seeds (needs ${verdict.needed}; ${seconds} s)`,
    );
    verdicts.push(verdict);
  }
  await writeJson(io, values.all ? verdicts : verdicts[0]);
  return verdicts.every((v) => v.holds) ? EXIT.ok : FINDING_FAILS;
}
