/**
 * `cli run` with a communication section, in-process (as main.ts runs it): the compressed preset trains and
 * its history carries the bytes and cosines; a k larger than the model's shared parameters is one line
 * naming the field (exit 2); `cli list` shows every compressor with its parameters and citation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend, NODE_BACKENDS, type NodeBackendName } from '../src/backend/node';
import { type CliBackends, runCli } from '../src/cli/cli';
import { memoryIo } from '../src/cli/memory-io';
import type { Report } from '../src/engine/train/report';

afterAll(() => initNodeBackend('cpu'));

const BACKENDS: CliBackends = {
  names: NODE_BACKENDS,
  init: (name) => initNodeBackend(name as NodeBackendName),
};

async function cli(args: string[]) {
  const io = memoryIo('');
  const code = await runCli(args, io, BACKENDS);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const PRESET = 'public/presets/compression-sign-ef.json';

describe('cli with gradient compression', () => {
  it('runs the preset and reports bytes against fp32', async () => {
    const r = await cli(['run', PRESET, '--set', 'steps=40', '--set', 'reportEvery=20', '--backend', 'cpu']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { history: Report[] };
    const last = out.history.at(-1)?.communication;
    // 3 workers · (18 sign bits + 32 scale bits) = 18.75 bytes a step; fp32: 3 · 18 · 4 = 216.
    expect(last).toMatchObject({
      compressor: 'sign',
      bytesPerStep: 18.75,
      bytesTotal: 750,
      fp32BytesTotal: 8640,
    });
    expect(last?.cosine).toHaveLength(3);
  });

  it('refuses a k larger than the shared parameters in one line naming the field', async () => {
    const r = await cli([
      'run',
      PRESET,
      '--set',
      'communication.id=top-k',
      '--set',
      'communication.params.k=19',
      '--set',
      'steps=20',
      '--set',
      'reportEvery=20',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'error: communication.params.k: k = 19 is larger than the 18 shared parameters each worker sends; expected a whole number from 1 to 18',
    ]);
  });

  it('lists every compressor with its parameters and citation', async () => {
    const r = await cli(['list']);
    const list = JSON.parse(r.stdout) as {
      sections: { communication: { choices: { id: string; citation: string; params: object }[] } };
    };
    const choices = list.sections.communication.choices;
    expect(choices.map((c) => c.id)).toEqual(['none', 'fp16', 'sign', 'top-k', 'random-k', 'qsgd']);
    for (const c of choices.slice(1)) {
      expect(c.citation).toMatch(/Karimireddy/);
      expect(c.params).toHaveProperty('errorFeedback');
    }
    expect(choices.find((c) => c.id === 'sign')?.citation).toMatch(/Seide.*Bernstein/);
    expect(choices.find((c) => c.id === 'qsgd')?.citation).toMatch(/Alistarh/);
  });
});
