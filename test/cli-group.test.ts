/**
 * `cli group` in-process: bad options and files are one line (exit 2); a short run on three 2-D tasks
 * prints the affinity, a proposal within the budget and the three-way comparison it trained. The lesson
 * setup's full run (the proposal 1+2 | 3+4 and its loss against all together) is
 * src/engine/grouping/grouping.lesson.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend, NODE_BACKENDS, type NodeBackendName } from '../src/backend/node';
import { type CliBackends, runCli } from '../src/cli/cli';
import { memoryIo } from '../src/cli/memory-io';

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

const dir = mkdtempSync(join(tmpdir(), 'cli-group-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

const three = {
  task: {
    id: 'playground-2d',
    params: { patterns: ['xor', 'xor', 'circle'], trainSamples: 200, testSamples: 200 },
  },
  architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [true, true], activation: 'tanh' } },
  learningRate: 0.02,
  batchSize: 32,
  steps: 40,
  reportEvery: 20,
};

interface GroupOutput {
  affinity: number[][];
  proposal: { groups: number[]; label: string; budget: number; candidates: number; received: number[] };
  study: {
    base: { architecture: { id: string; params: Record<string, unknown> } };
    grid: Record<string, unknown>;
  };
  comparison: { role: string; label: string; seeds: number[]; meanTestLoss: { mean: number; n: number } }[];
  runs: { status: string }[];
}

describe('cli group', () => {
  it('refuses bad options and one-task configs in one line, exit 2', async () => {
    const one = file('one.json', { ...three, task: { id: 'playground-2d', params: { patterns: ['xor'] } } });
    const cases: [string[], RegExp][] = [
      [['group'], /group: expected a config file/],
      [['group', one, '--seeds', '0'], /--seeds: expected an integer from 1 to 20, got "0"/],
      [['group', one, '--budget', 'two'], /--budget: expected an integer from 1 to 10, got "two"/],
      [['group', one, '--bogus'], /group: Unknown option '--bogus'/],
      [
        ['group', one, '--threads', 'many'],
        /--threads: expected auto or a whole number from 1 to 64, got "many"/,
      ],
      [
        ['group', one, '--set', 'steps=20', '--backend', 'cpu'],
        /grouping needs at least two tasks with the affinity measured, got 1 task$/,
      ],
    ];
    for (const [args, pattern] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n').at(-1)).toMatch(pattern);
    }
  });

  it('measures the affinity, proposes within the budget and compares the three groupings', async () => {
    const r = await cli([
      'group',
      file('three.json', three),
      '--seeds',
      '1',
      '--budget',
      '2',
      '--backend',
      'cpu',
      '--threads',
      '2',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as GroupOutput;
    // The comparison does not depend on the threads it trained on.
    const alone = await cli([
      'group',
      file('three.json', three),
      '--seeds',
      '1',
      '--backend',
      'cpu',
      '--threads',
      '1',
    ]);
    expect((JSON.parse(alone.stdout) as GroupOutput).comparison).toEqual(out.comparison);
    expect(out.affinity).toHaveLength(3);
    expect(new Set(out.proposal.groups).size).toBeLessThanOrEqual(2);
    // S(3,1) + S(3,2) = 4 groupings with at most two groups.
    expect(out.proposal.candidates).toBe(4);
    expect(out.proposal.received).toHaveLength(3);
    expect(out.study.base.architecture).toEqual({
      id: 'task-groups',
      params: { widths: [8, 8], activation: 'tanh', groups: [0, 0, 0] },
    });
    const roles = out.comparison.map((c) => c.role);
    expect(roles[0]).toBe('all together');
    expect(roles.at(-1)).toBe('all separate');
    expect(out.comparison.map((c) => c.label)).toContain(out.proposal.label);
    expect(out.runs).toHaveLength(out.comparison.length);
    for (const c of out.comparison) {
      expect(c.seeds).toEqual([1]);
      expect(c.meanTestLoss.n).toBe(1);
      expect(Number.isFinite(c.meanTestLoss.mean)).toBe(true);
    }
    expect(r.stderr).toMatch(/group: proposal \d/);
  });
});
