/**
 * The command line's behaviour, called in-process through runCli (what main.ts runs): JSON on stdout,
 * progress on stderr, one-line errors with exit code 2, exit 3 on divergence. The last block runs a few
 * real processes to prove that main.ts wires runCli to the process (argv, streams, stdin, exit code).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initNodeBackend, NODE_BACKENDS, type NodeBackendName } from '../src/backend/node';
import { type CliBackends, runCli } from '../src/cli/cli';
import { memoryIo } from '../src/cli/memory-io';
import { ARCHITECTURE_CARDS } from '../src/engine/architectures/catalogue';
import { METHODS } from '../src/engine/methods/registry';
import { SAMPLERS } from '../src/engine/sampling/registry';
import { TASK_SUITES } from '../src/engine/tasks/registry';
import type { ExperimentConfig } from '../src/engine/config/types';
import type { Report } from '../src/engine/train/report';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** What the commands print (the fields these tests read). */
interface ListedEntry {
  id: string;
  citation: string;
  summary: string;
  scale?: string;
  params: Record<string, unknown>;
}
interface ListOutput {
  taskSuites: ListedEntry[];
  architectures: ListedEntry[];
  methods: ListedEntry[];
  samplers: ListedEntry[];
  settings: Record<string, unknown>;
}
interface AggregateOutput {
  direction: number[];
  weights: number[];
}
interface RunOutput {
  config: ExperimentConfig;
  info: { backend: string };
  history: Report[];
  final: Report;
  timing: { stepsPerSecond: number };
  stopped?: { reason: string; step: number };
}
const parse = <T>(stdout: string): T => JSON.parse(stdout) as T;

// Files share tfjs's engine (vitest.config.ts): leave cpu current, which the other files expect.
afterAll(() => initNodeBackend('cpu'));

const BACKENDS: CliBackends = {
  names: NODE_BACKENDS,
  init: (name) => initNodeBackend(name as NodeBackendName),
};

/** The CLI called in-process, as main.ts calls it, with its streams in memory. */
async function cli(args: string[], input = ''): Promise<Result> {
  const io = memoryIo(input);
  const code = await runCli(args, io, BACKENDS);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** A user error: exit 2, one line on stderr naming the problem, nothing on stdout, no stack trace. */
function expectUserError(r: Result, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('cli list', () => {
  it('prints every suite, architecture and method with parameters, defaults, ranges and citations', async () => {
    const r = await cli(['list']);
    expect(r.code).toBe(0);
    const list = parse<ListOutput>(r.stdout);
    expect(list.taskSuites.map((s) => s.id)).toEqual(TASK_SUITES.map((s) => s.id));
    expect(list.architectures.map((a) => a.id)).toEqual(ARCHITECTURE_CARDS.map((a) => a.id));
    expect(list.methods.map((m) => m.id)).toEqual(METHODS.map((m) => m.id));
    expect(list.samplers.map((m) => m.id)).toEqual(SAMPLERS.map((m) => m.id));
    for (const entry of [...list.taskSuites, ...list.architectures, ...list.methods, ...list.samplers]) {
      expect(entry.citation.length).toBeGreaterThan(10);
      expect(entry.summary.length).toBeGreaterThan(10);
    }
    const cagrad = list.methods.find((m) => m.id === 'cagrad');
    expect(cagrad?.scale).toBe('mean');
    expect(cagrad?.params.c).toMatchObject({ kind: 'number', default: 0.5, min: 0 });
    expect(list.settings.learningRate).toMatchObject({ default: 0.01, scale: 'log' });
  });
});

describe('cli aggregate', () => {
  it('works for every method on three tasks (stochastic ones seeded), with finite outputs', async () => {
    const input = JSON.stringify({
      grads: [
        [1, 0, 0.5],
        [-0.5, 1, 0],
        [0.2, -0.3, 2],
      ],
      losses: [1, 0.5, 2],
      repGrads: [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      kpis: [0.9, 0.5, 0.7],
    });
    const ids = METHODS.map((m) => m.id);
    // One after another: in-process calls share tfjs's engine, whose scopes are not meant to interleave.
    const results: Result[] = [];
    for (const id of ids) results.push(await cli(['aggregate', '--method', id, '--seed', '3'], input));
    results.forEach((r, i) => {
      expect({ method: ids[i], code: r.code, stderr: r.stderr }).toEqual({
        method: ids[i],
        code: 0,
        stderr: '',
      });
      const out = parse<AggregateOutput>(r.stdout);
      expect(out.direction).toHaveLength(3);
      expect(out.weights).toHaveLength(3);
      expect([...out.direction, ...out.weights].every(Number.isFinite)).toBe(true);
    });
  });

  it('applies PCGrad to two conflicting gradients (hand-computed)', async () => {
    // g1·g2 = -0.5 < 0: g1' = g1 + 0.4 g2 = [0.8, 0.4]; g2' = g2 + 0.5 g1 = [0, 1]; sum [0.8, 1.4].
    const r = await cli(
      ['aggregate', '--method', 'pcgrad'],
      JSON.stringify({
        grads: [
          [1, 0],
          [-0.5, 1],
        ],
        losses: [1, 1],
      }),
    );
    expect(r.code).toBe(0);
    const out = parse<AggregateOutput>(r.stdout);
    expect(out.direction[0]).toBeCloseTo(0.8, 6);
    expect(out.direction[1]).toBeCloseTo(1.4, 6);
  });

  it('gives the MGDA min-norm point of two vectors', async () => {
    // min over a of |a g1 + (1-a) g2|² with g1 = [1, 0], g2 = [0, 2]: a = 4/5, point [0.8, 0.4].
    const r = await cli(
      ['aggregate', '--method', 'mgda'],
      JSON.stringify({
        grads: [
          [1, 0],
          [0, 2],
        ],
        losses: [1, 1],
      }),
    );
    const out = parse<AggregateOutput>(r.stdout);
    expect(out.weights[0]).toBeCloseTo(0.8, 5);
    expect(out.direction[0]).toBeCloseTo(0.8, 5);
    expect(out.direction[1]).toBeCloseTo(0.4, 5);
  });

  it('takes method parameters as JSON', async () => {
    const r = await cli(
      ['aggregate', '--method', 'static', '--params', '{"weights": [2, 3]}'],
      JSON.stringify({ grads: [[1], [1]], losses: [1, 1] }),
    );
    expect(parse<AggregateOutput>(r.stdout).direction).toEqual([5]);
  });

  it('rejects bad input with one line and exit code 2', async () => {
    const grads = JSON.stringify({
      grads: [
        [1, 0],
        [0, 1],
      ],
      losses: [1, 1],
    });
    expectUserError(
      await cli(['aggregate', '--method', 'nope'], grads),
      /--method: unknown method 'nope'; accepted: ew, static/,
    );
    expectUserError(await cli(['aggregate'], grads), /--method is required/);
    expectUserError(
      await cli(['aggregate', '--method', 'ew'], '{"grads": [[1, 0], [0'),
      /stdin: invalid JSON/,
    );
    expectUserError(
      await cli(['aggregate', '--method', 'ew'], '{"grads": [[1, 0], [0]]}'),
      /input\.grads: every row must have the same length/,
    );
    expectUserError(
      await cli(['aggregate', '--method', 'ew'], '{"grads": [[1, 0]], "losses": [1, 2]}'),
      /input\.losses: expected 1 finite numbers/,
    );
    expectUserError(
      await cli(['aggregate', '--method', 'cagrad', '--params', '{"c": -1}'], grads),
      /--params\.c: expected a number from 0 to/,
    );
    expectUserError(
      await cli(['aggregate', '--method', 'cagrad', '--params', '{"k": 1}'], grads),
      /--params: unknown field 'k'; accepted: c, rescale/,
    );
    expectUserError(
      await cli(['aggregate', '--method', 'mgda', '--params', '{"variant": "ub"}'], grads),
      /input\.repGrads: .* needs the representation gradients/,
    );
  });
});

describe('cli run', () => {
  const presets = readdirSync('public/presets').filter((f) => f.endsWith('.json') && f !== 'index.json');

  it.each(presets)('runs the preset %s', async (file) => {
    const r = await cli(['run', `public/presets/${file}`, '--set', 'steps=20', '--set', 'reportEvery=10']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const out = parse<RunOutput>(r.stdout);
    expect(out.config.steps).toBe(20);
    expect(out.history.map((h) => h.step)).toEqual([0, 10, 20]);
    expect(out.final.step).toBe(20);
    for (const task of out.final.tasks) expect(Number.isFinite(task.testLoss)).toBe(true);
    expect(out.timing.stepsPerSecond).toBeGreaterThan(0);
  });

  it('records the toy trajectory of every start point and applies --set overrides in order', async () => {
    const r = await cli([
      'run',
      'public/presets/toy.json',
      '--set',
      'method.id=pcgrad',
      '--set',
      'steps=30',
      '--set',
      'reportEvery=10',
      '--set',
      'learningRate=0.01',
    ]);
    expect(r.code).toBe(0);
    const out = parse<RunOutput>(r.stdout);
    expect(out.config.method).toEqual({ id: 'pcgrad', params: {} });
    expect(out.history[0]?.points?.map((p) => p.theta)).toEqual([
      [-8.5, 7.5],
      [-8.5, 5],
      [0, 0],
      [9, 9],
      [10, -8],
    ]);
    expect(out.history[3]?.points).toHaveLength(5);
    expect(out.history[3]?.points?.[0]?.theta).not.toEqual([-8.5, 7.5]);
  });

  it('prints the progress on stderr, not stdout', async () => {
    const r = await cli([
      'run',
      'public/presets/sinusoids.json',
      '--set',
      'steps=20',
      '--set',
      'reportEvery=10',
    ]);
    expect(r.stderr).toMatch(/100% 20\/20 steps/);
    expect(() => parse<RunOutput>(r.stdout)).not.toThrow();
  });

  it('rejects bad input with one line and exit code 2', async () => {
    expectUserError(await cli(['run']), /run: expected a config file/);
    expectUserError(
      await cli(['run', 'no/such.json']),
      /no\/such\.json: cannot read the file \(no such file\)/,
    );
    expectUserError(await cli(['run', 'package-lock.json', '--set', 'x']), /--set: expected path=value/);
    expectUserError(
      await cli(['run', 'public/presets/toy.json', '--set', 'method.id=nope']),
      /method\.id: unknown method "nope"; accepted: ew/,
    );
    expectUserError(
      await cli(['run', 'public/presets/toy.json', '--set', 'learningRate=100']),
      /learningRate: expected a number from 0\.000001 to 10, got 100/,
    );
    expectUserError(
      await cli(['run', 'public/presets/toy.json', '--set', 'task.params.lossScale=[1]']),
      /task\.params\.lossScale/,
    );
    expectUserError(
      await cli(['run', 'public/presets/toy.json', '--bogus']),
      /run: Unknown option '--bogus'/,
    );
    expectUserError(
      await cli(['fly']),
      /unknown command 'fly'; accepted: run, sweep, aggregate, list, lesson, group, help/,
    );
    expectUserError(await cli(['list', '--method', 'ew']), /list: option --method does not apply/);
  });

  it('exits 3 and says where when training diverges', async () => {
    const r = await cli([
      'run',
      'public/presets/sinusoids.json',
      '--set',
      'optimizer.id=sgd',
      '--set',
      'learningRate=10',
      '--set',
      'task.params.amplitudeRatio=50',
    ]);
    expect(r.code).toBe(3);
    const out = parse<RunOutput>(r.stdout);
    // Whichever turns non-finite first is named: a task's loss, or the method's update (PCGrad's Gram
    // products overflow at this learning rate one step before the losses do).
    expect(out.stopped?.reason).toMatch(
      /diverged at step \d+: (task '.+' has a non-finite loss|the method 'pcgrad' produced)/,
    );
    expect(Number.isInteger(out.stopped?.step)).toBe(true);
    expect(r.stderr).toMatch(/diverged at step/);
  });
});

describe('cli on hostile input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mtl-cli-'));
  const file = (name: string, content: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const rows = (T: number, P: number) =>
    JSON.stringify({
      grads: Array.from({ length: T }, (_, t) => Array.from({ length: P }, (_, i) => (t + i) % 3)),
    });
  const toy = 'public/presets/toy.json';

  it('answers each with exit code 2 and one short line, no stack trace', async () => {
    const deep = `{"task": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const cases: [string[], string, RegExp][] = [
      [['run', file('deep.json', deep)], '', /^error: task: expected an object .*, got \[\[\[\[…\]\]\]\]$/],
      [
        ['run', file('long-id.json', JSON.stringify({ method: { id: 'x'.repeat(200_000) } }))],
        '',
        /^error: method\.id: unknown method "x+…; accepted: ew, /,
      ],
      [
        ['run', toy, '--set', '__proto__.steps=3'],
        '',
        /--set __proto__\.steps: '__proto__' is not a config field/,
      ],
      [['run', toy, '--set', '__proto__.toString=1'], '', /'__proto__' is not a config field/],
      [
        ['run', 'public/presets/sinusoids.json', '--set', 'architecture.params.widths.x=64'],
        '',
        /architecture\.params\.widths is a list; expected an index from 0 to 1023/,
      ],
      [
        ['aggregate', '--method', 'pcgrad'],
        rows(1000, 1000),
        /input\.grads: expected at most 64 rows \(tasks\), got 1,000$/,
      ],
      [
        ['aggregate', '--method', 'pcgrad'],
        rows(20, 100_000),
        /input\.grads: expected at most 1,000,000 numbers in all \(tasks × parameters\), got 20 × 100,000$/,
      ],
      [
        ['run', file('binary.json', new Uint8Array([0x7b, 0x0a, 0x00, 0xff, 0x1b, 0x0d, 0x0a]))],
        '',
        /binary\.json: expected a UTF-8 JSON text, got binary data \(a zero byte at offset 2\)$/,
      ],
      [
        ['run', file('latin1.json', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]))],
        '',
        /got bytes that are not UTF-8$/,
      ],
      [['run', file('control.json', '{"a":\n\u001b[31m}')], '', /control\.json: invalid JSON \(.*\)$/],
      // The byte-order mark is accepted: the config is read, and its own mistake reported.
      [['run', file('bom.json', '\ufeff{"stepz": 1}')], '', /^error: stepz: unknown field; accepted: task/],
      [
        ['aggregate', '--method', 'ew', '--seed', '-1'],
        '{"grads": [[1]]}',
        /^error: --seed: expected a whole number from 0 to 2147483647, got -1$/,
      ],
      [
        ['aggregate', '--method', 'ew', '--seed', 'one'],
        '{"grads": [[1]]}',
        /--seed: expected a whole number .*, got "one"$/,
      ],
      [
        ['run', toy, '--set', 'steps=-5'],
        '',
        /^error: steps: expected a whole number from 1 to 10000000, got -5$/,
      ],
      [
        ['x'.repeat(100_000)],
        '',
        /^error: unknown command 'x+…; accepted: run, sweep, aggregate, list, lesson, group, help$/,
      ],
    ];
    const results: Result[] = [];
    for (const [args, input] of cases) results.push(await cli(args, input));
    results.forEach((r, i) => {
      const [args, , pattern] = cases[i] as [string[], string, RegExp];
      expect({ args: args.map((a) => a.slice(0, 60)), code: r.code }).toEqual({
        args: args.map((a) => a.slice(0, 60)),
        code: 2,
      });
      expectUserError(r, pattern);
      expect(r.stderr.length).toBeLessThan(400);
    });
    expect(readFileSync(toy, 'utf8')).toMatch(/"steps": 100000/);
  });

  it('reads JSON with a byte-order mark on stdin, and answers 10 x 10,000 gradients in seconds', async () => {
    const started = Date.now();
    const bom = await cli(['aggregate', '--method', 'pcgrad'], `\ufeff{"grads": [[1, 0], [-0.5, 1]]}`);
    const big = await cli(['aggregate', '--method', 'pcgrad'], rows(10, 10_000));
    expect(bom.code).toBe(0);
    expect(parse<AggregateOutput>(bom.stdout).direction[0]).toBeCloseTo(0.8, 6);
    expect(big.code).toBe(0);
    expect(parse<AggregateOutput>(big.stdout).direction).toHaveLength(10_000);
    // A generous bound against a cost blow-up: 1,000 x 1,000 used to take a quarter of an hour.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('cli --backend', () => {
  it('trains on wasm to the same losses as on cpu', async () => {
    const args = ['run', 'public/presets/playground-2d.json', '--set', 'steps=20', '--set', 'reportEvery=10'];
    const cpu = await cli([...args, '--backend', 'cpu']);
    const wasm = await cli([...args, '--backend', 'wasm']);
    expect(cpu.code, cpu.stderr).toBe(0);
    expect(wasm.code, wasm.stderr).toBe(0);
    const [a, b] = [parse<RunOutput>(cpu.stdout), parse<RunOutput>(wasm.stdout)];
    expect([a.info.backend, b.info.backend]).toEqual(['cpu', 'wasm']);
    // Same seed, same data, both float32: the backends differ only in the order of sums (XNNPACK's SIMD
    // matmul accumulates in another order than tfjs-cpu's loops) and in exp/log (libm against V8's Math),
    // each op a few ulps apart (float32's ulp is ~1.2e-7 relative). Over 20 Adam steps the train and test
    // losses stayed within 1e-6 relative (measured); 1e-4 leaves a hundredfold margin and still catches a
    // wrong kernel or a skipped step: one step moves these losses by 1.4e-3 to 0.4 relative (measured).
    const losses = (out: RunOutput) =>
      out.history.flatMap((r) => r.tasks.flatMap((t) => [t.trainLoss, t.testLoss]));
    const [la, lb] = [losses(a), losses(b)];
    expect(lb).toHaveLength(la.length);
    la.forEach((x, i) => expect(Math.abs((lb[i] as number) - x)).toBeLessThanOrEqual(1e-4 * Math.abs(x)));
  });

  it('refuses a backend Node does not run, with one line naming the accepted ones', async () => {
    expectUserError(
      await cli(['run', 'public/presets/toy.json', '--backend', 'webgpu']),
      /^error: --backend: expected one of cpu, wasm, got "webgpu"$/,
    );
    expectUserError(
      await cli(['list', '--backend', 'wasm']),
      /list: option --backend does not apply; accepted: none/,
    );
  });

  it('documents --backend in its help', async () => {
    const r = await cli(['help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--backend cpu\|wasm/);
  });

  it('runs on wasm unless told otherwise', async () => {
    const run = await cli(['run', 'public/presets/toy.json', '--set', 'steps=2', '--set', 'reportEvery=1']);
    expect(parse<RunOutput>(run.stdout).info.backend).toBe('wasm');
  });
});

describe('cli in-process', () => {
  it('leaves no tensors behind after a run, an aggregate and a diverged run', async () => {
    const before = tf.memory().numTensors;
    await cli(['run', 'public/presets/sinusoids.json', '--set', 'steps=10', '--set', 'reportEvery=5']);
    await cli(['aggregate', '--method', 'nash-mtl'], '{"grads": [[1, 0], [-0.5, 1]]}');
    await cli(['aggregate', '--method', 'ew'], '{"grads": [[1, 0], [0]]}');
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** The CLI as a user runs it: `node --import tsx src/cli/main.ts ...`, a real process. */
function spawnCli(args: string[], input = ''): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('cli as a process', () => {
  it('wires argv, stdin, stdout, stderr and the exit code to runCli', async () => {
    // Three processes at once: each spends most of its time starting (tsx, tfjs), which overlaps.
    const [trained, piped, refused] = await Promise.all([
      spawnCli(['run', 'public/presets/sinusoids.json', '--set', 'steps=20', '--set', 'reportEvery=10']),
      spawnCli(['aggregate', '--method', 'pcgrad'], '{"grads": [[1, 0], [-0.5, 1]], "losses": [1, 1]}'),
      spawnCli(['run', 'public/presets/toy.json', '--bogus']),
    ]);
    expect(trained.code).toBe(0);
    expect(trained.stderr).toMatch(/100% 20\/20 steps/);
    expect(trained.stderr).not.toMatch(/error/);
    expect(parse<RunOutput>(trained.stdout).final.step).toBe(20);
    expect(piped.code).toBe(0);
    expect(parse<AggregateOutput>(piped.stdout).direction[1]).toBeCloseTo(1.4, 6);
    expectUserError(refused, /run: Unknown option '--bogus'/);
  });

  it('stops quietly when its reader closes the pipe early (cli list | head)', async () => {
    // `list` prints ~140 kB, more than a pipe holds: head exits after one byte and the rest of the write
    // meets a closed pipe (EPIPE) every time. pipefail makes the CLI's exit code the pipeline's.
    const result = await new Promise<Result>((resolve) => {
      const line = `set -o pipefail; "${process.execPath}" --import tsx src/cli/main.ts list | head -c 1 > /dev/null`;
      const child = spawn('bash', ['-c', line]);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code: code ?? -1, stdout: '', stderr }));
      child.stdin.end();
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('trains on to its JSON when standard error closes early (progress lines are for a person)', async () => {
    const result = await new Promise<Result>((resolve) => {
      const run = `"${process.execPath}" --import tsx src/cli/main.ts run public/presets/sinusoids.json --set steps=200 --set reportEvery=10`;
      const child = spawn('bash', ['-c', `${run} 2> >(head -c 1 > /dev/null)`]);
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr: '' }));
      child.stdin.end();
    });
    expect(result.code).toBe(0);
    expect(parse<RunOutput>(result.stdout).final.step).toBe(200);
  });
});
