/**
 * `run` and `sweep` with a csv task: `file` is a path relative to the config (or study) file's folder; a
 * missing, bad or other-hash file exits 2 with one line; `list` shows the suite's parameters.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../engine/tasks/csv/hash';
import { type CliBackends, runCli } from './cli';
import { memoryIo } from './memory-io';

// The test setup started the cpu backend and registered the Node task data (the CSV loader).
const BACKENDS: CliBackends = { names: ['cpu'], init: () => Promise.resolve() };

const folder = mkdtempSync(join(tmpdir(), 'mtl-csv-'));
mkdirSync(join(folder, 'configs'));
mkdirSync(join(folder, 'data'));
const CSV = readFileSync(new URL('../../public/data/penguins.csv', import.meta.url), 'utf8');
writeFileSync(join(folder, 'data', 'penguins.csv'), CSV);
writeFileSync(join(folder, 'data', 'ragged.csv'), 'a,b\n1,2\n3\n');

const config = (params: Record<string, unknown>) => ({
  task: {
    id: 'csv',
    params: {
      file: '../data/penguins.csv',
      inputs: ['Beak Length (mm)', 'Flipper Length (mm)'],
      labels: ['Species'],
      ...params,
    },
  },
  architecture: { id: 'layer-sharing', params: { widths: [8], shared: [true] } },
  steps: 20,
  reportEvery: 10,
  batchSize: 16,
});

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await runCli(argv, io, BACKENDS);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

function write(name: string, value: unknown): string {
  const path = join(folder, 'configs', name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('cli with a csv task', () => {
  it('run reads the file relative to the config and records its columns and classes', async () => {
    const { code, stdout } = await cli('run', write('ok.json', config({ hash: contentHash(CSV) })));
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      info: { tasks: { name: string; classNames?: string[] }[] };
      final: { step: number };
    };
    expect(out.final.step).toBe(20);
    expect(out.info.tasks).toEqual([
      expect.objectContaining({ name: 'Species', classNames: ['Adelie', 'Chinstrap', 'Gentoo'] }),
    ]);
  });

  it.each([
    [
      'a missing file',
      { file: 'nope.csv' },
      /^error: task\.params\.file: nope\.csv: no such file \(looked for .*configs\/nope\.csv\); accepted: a CSV or TSV file, by its path relative to the config file's folder\n$/,
    ],
    [
      'a bad file',
      { file: '../data/ragged.csv', inputs: ['a'], labels: ['b'] },
      /^error: task\.params\.file: \.\.\/data\/ragged\.csv: row 3 has 1 cell, the header has 2; accepted: 2 cells per row/,
    ],
    [
      'another hash',
      { hash: '0123456789abcdef' },
      /^error: task\.params\.hash: \.\.\/data\/penguins\.csv: the file's content hash is [0-9a-f]{16}, the config pins 0123456789abcdef/,
    ],
    [
      'an unknown column',
      { labels: ['Specis'] },
      /^error: task\.params\.labels\[0\]: no column 'Specis' in penguins\.csv; accepted: 'Species', 'Island'/,
    ],
  ])('%s: exit 2, one line', async (_what, params, expected) => {
    const { code, stderr } = await cli('run', write('bad.json', config(params)));
    expect(code).toBe(2);
    expect(stderr).toMatch(expected);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a batch larger than the train rows: one line naming the limit', async () => {
    const { code, stderr } = await cli('run', write('batch.json', { ...config({}), batchSize: 1000 }));
    expect(code).toBe(2);
    expect(stderr).toBe('error: batchSize: expected at most the training samples per task (274), got 1000\n');
  });

  it('sweep reads the file relative to the study file', async () => {
    const study = { base: config({}), grid: { 'method.id': ['ew', 'pcgrad'] }, seeds: 1 };
    const { code, stdout, stderr } = await cli('sweep', write('study.json', study));
    expect(stderr).not.toMatch(/error/);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { runs: unknown[] }).runs).toHaveLength(2);
  });

  it('list shows the csv suite and its parameters', async () => {
    const { stdout } = await cli('list');
    const suite = (
      JSON.parse(stdout) as { taskSuites: { id: string; params: Record<string, { kind: string }> }[] }
    ).taskSuites.find((s) => s.id === 'csv');
    expect(Object.fromEntries(Object.entries(suite?.params ?? {}).map(([k, v]) => [k, v.kind]))).toEqual({
      file: 'text',
      hash: 'text',
      inputs: 'text-list',
      labels: 'text-list',
      kinds: 'enum-list',
      classes: 'text-list',
      testShare: 'number',
      missing: 'enum',
      standardize: 'boolean',
    });
  });
});
