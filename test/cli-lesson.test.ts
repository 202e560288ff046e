/**
 * `cli lesson list|check`, in-process through runCli (and lessonCommand with a lesson folder of our own):
 * the list's JSON, one-line exit-2 errors naming what is accepted, and exit 1 with the numbers when a
 * lesson's finding does not hold (here: CAGrad given far too few steps to reach the minimum).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend, NODE_BACKENDS, type NodeBackendName } from '../src/backend/node';
import { type CliBackends, runCli } from '../src/cli/cli';
import { lessonCommand } from '../src/cli/commands/lesson';
import { memoryIo } from '../src/cli/memory-io';
import { lessonCheckIds } from '../src/engine/lesson-checks/registry';
import type { LessonVerdict } from '../src/engine/lesson-checks/types';
import { ConfigError } from '../src/engine/config/types';
import { LESSONS_DIR } from '../src/engine/lessons/load-lesson';

// Files share tfjs's engine (vitest.config.ts): leave cpu current, which the other files expect.
afterAll(() => initNodeBackend('cpu'));

const BACKENDS: CliBackends = {
  names: NODE_BACKENDS,
  init: (name) => initNodeBackend(name as NodeBackendName),
};

async function cli(args: string[]) {
  const io = memoryIo();
  const code = await runCli(args, io, BACKENDS);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** The real lesson folder, with some files replaced. */
const folderWith =
  (replaced: Record<string, unknown>) =>
  (file: string): Promise<string> =>
    file in replaced
      ? Promise.resolve(JSON.stringify(replaced[file]))
      : readFile(join(LESSONS_DIR, file), 'utf8');

describe('cli lesson list', () => {
  it('prints [{ id, title, paper }] in the order of index.json', async () => {
    const { code, stdout, stderr } = await cli(['lesson', 'list']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { id: string; title: string; paper: { cite: string; url: string } }[];
    expect(list.slice(0, 2).map((l) => l.id)).toEqual(['cagrad-toy', 'loss-scales-toy']);
    expect(list[0]).toMatchObject({
      title: 'Where do methods stop?',
      paper: { url: 'https://arxiv.org/abs/2110.14048', where: 'Fig. 1' },
    });
    for (const l of list) expect(Object.keys(l).sort()).toEqual(['id', 'paper', 'title']);
  });
});

/** The registered checks' ids as the error lines list them (escaped for a RegExp). */
const IDS = lessonCheckIds().join(', ');
const idsPattern = IDS.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('cli lesson: user errors are one line, exit 2', () => {
  it.each([
    [['lesson'], /lesson: expected a sub-command, got nothing; accepted: list, check/],
    [['lesson', 'run'], /accepted: list, check/],
    [['lesson', 'check'], new RegExp(`expected a lesson id or --all; accepted ids: ${idsPattern}$`, 'm')],
    [['lesson', 'check', 'nope'], new RegExp(`unknown lesson 'nope'; accepted: ${idsPattern}$`, 'm')],
    [['lesson', 'check', 'cagrad-toy', 'loss-scales-toy'], /expected one lesson id/],
    [['lesson', 'check', 'cagrad-toy', '--all'], /not both/],
    [['lesson', 'check', 'cagrad-toy', '--backend', 'gpu'], /--backend: expected one of cpu, wasm/],
    [['lesson', 'list', '--all'], /lesson list: takes no arguments/],
    [['lesson', 'check', '--seed', '3'], /lesson: Unknown option '--seed'/],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a bad lesson file names the file and the field before anything trains', async () => {
    const lesson = JSON.parse(await readFile(join(LESSONS_DIR, 'cagrad-toy.json'), 'utf8')) as object;
    const read = folderWith({ 'cagrad-toy.json': { ...lesson, steps: [] } });
    const io = memoryIo();
    const run = lessonCommand(['check', 'cagrad-toy'], io, BACKENDS, 'wasm', read);
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(
      /^public\/lessons\/cagrad-toy\.json steps: expected a list of 3 to 6 steps/,
    );
    expect(io.stderr()).toBe('');
    const broken = folderWith({ 'index.json': { lessons: [{ id: 'cagrad-toy', file: 'x.txt' }] } });
    await expect(lessonCommand(['list'], memoryIo(), BACKENDS, 'wasm', broken)).rejects.toThrow(
      /public\/lessons\/index\.json lessons\[0\]\.file/,
    );
  });
});

describe('cli lesson check --all', () => {
  it('refuses, before training, an index listing a lesson without a check', async () => {
    const index = {
      lessons: [
        { id: 'cagrad-toy', file: 'cagrad-toy.json' },
        { id: 'no-check-yet', file: 'no-check-yet.json' },
      ],
    };
    const io = memoryIo();
    const run = lessonCommand(['check', '--all'], io, BACKENDS, 'wasm', folderWith({ 'index.json': index }));
    await expect(run).rejects.toThrow(
      `lesson check --all: lesson 'no-check-yet' has no check; checks exist for: ${IDS}`,
    );
    expect(io.stdout()).toBe('');
  });
});

describe('cli lesson check', () => {
  it('exits 1 with the numbers when the finding does not hold', async () => {
    const lesson = JSON.parse(await readFile(join(LESSONS_DIR, 'cagrad-toy.json'), 'utf8')) as {
      setup: { config: Record<string, unknown> };
    };
    // 50 steps: CAGrad is nowhere near the minimum yet.
    lesson.setup.config = { ...lesson.setup.config, steps: 50, reportEvery: 50 };
    const io = memoryIo();
    const code = await lessonCommand(
      ['check', 'cagrad-toy'],
      io,
      BACKENDS,
      'wasm',
      folderWith({ 'cagrad-toy.json': lesson }),
    );
    expect(code).toBe(1);
    const verdict = JSON.parse(io.stdout()) as LessonVerdict;
    expect(verdict).toMatchObject({ id: 'cagrad-toy', holds: false, needed: 2 });
    expect(verdict.seeds.map((s) => s.seed)).toEqual([1, 2, 3]);
    for (const s of verdict.seeds) {
      expect(s.holds).toBe(false);
      expect(s.numbers['cagrad.atMinimum']).toBeLessThan(4);
      expect(s.numbers.starts).toBe(5);
    }
    const lines = io.stderr().trimEnd().split('\n');
    expect(lines.filter((l) => /^cagrad-toy seed \d: does NOT hold: CAGrad reached/.test(l))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/^cagrad-toy: the finding does NOT hold in 0\/3 seeds \(needs 2; /);
  });
});
