import { describe, expect, it } from 'vitest';
import { parseRunFile, runFile, runFileName, RunFileError } from './run-file';
import { makeRun } from './testing';

type Json = Record<string | number, unknown>;
const REMOVE = Symbol('remove');

/** An exported file, parsed, with the field at `path` set to `value` (or removed), and read back: the one
 * line it is refused with. */
function refusal(path: string, value: unknown): string {
  const file = JSON.parse(runFile(makeRun('r', [0, 10, 20]))) as Json;
  const keys = path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  const last = keys.pop()!;
  const parent = keys.reduce<Json>((o, k) => o[k] as Json, file);
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  try {
    parseRunFile(JSON.stringify(file));
  } catch (error) {
    expect(error).toBeInstanceOf(RunFileError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('run files', () => {
  it('round-trip: what export writes, import reads back equal', () => {
    const run = makeRun('r', [0, 10, 20], {
      study: { id: 's1', group: 'method.id=ew', seed: 2 },
      changes: [{ step: 10, what: 'learning rate 0.01 → 0.003' }],
      stopReason: 'stopped by reset',
    });
    expect(parseRunFile(runFile(run))).toEqual([run]);
    expect(parseRunFile(JSON.parse(runFile(run)))).toEqual([run]);
  });

  it('reads the nulls JSON writes for NaN and Infinity back as NaN', () => {
    const run = makeRun('r', [0, 10]);
    run.history[1]!.tasks[0]!.trainLoss = NaN;
    run.history[1]!.gradients.norms[1] = Infinity;
    const [back] = parseRunFile(runFile(run));
    expect(back?.history[1]?.tasks[0]?.trainLoss).toBeNaN();
    expect(back?.history[1]?.gradients.norms[1]).toBeNaN();
  });

  it('refuses each bad field with one line naming it and what it accepts', () => {
    expect(refusal('format', 'csv')).toBe(
      'format: expected one of mtl-playground-run, mtl-playground-study, got "csv"',
    );
    expect(refusal('version', 2)).toBe('version: expected 1, got 2');
    expect(refusal('run', REMOVE)).toBe('run: expected an object, got undefined');
    expect(refusal('run.id', '')).toBe('run.id: expected a non-empty text of at most 200 characters, got ""');
    expect(refusal('run.name', 7)).toBe(
      'run.name: expected a non-empty text of at most 200 characters, got 7',
    );
    expect(refusal('run.status', 'done')).toBe(
      'run.status: expected one of finished, stopped, diverged, running, got "done"',
    );
    expect(refusal('run.wallSeconds', -1)).toBe('run.wallSeconds: expected a number ≥ 0, got -1');
    expect(refusal('run.createdAt', 'today')).toBe('run.createdAt: expected a number ≥ 0, got "today"');
    expect(refusal('run.backend', null)).toBe(
      'run.backend: expected a text of at most 100 characters, got null',
    );
    expect(refusal('run.extra', 1)).toMatch(/^run\.extra: unknown field; accepted: id, name, config/);
    expect(refusal('run.config.learningRate', -1)).toMatch(/^run\.config\.learningRate: expected /);
    expect(refusal('run.config.method', { id: 'nope' })).toMatch(/^run\.config\.method\.id: /);
    expect(refusal('run.history', {})).toBe('run.history: expected a list, got {}');
    expect(refusal('run.history.1.step', 1.5)).toBe(
      'run.history[1].step: expected a whole number ≥ 0, got 1.5',
    );
    expect(refusal('run.history.2.step', 5)).toBe(
      "run.history[2].step: expected a step ≥ the previous report's (10), got 5",
    );
    expect(refusal('run.history.0.tasks.1.testLoss', 'x')).toBe(
      'run.history[0].tasks[1].testLoss: expected a number (or null), got "x"',
    );
    expect(refusal('run.history.0.gradients.cosine.0', 3)).toBe(
      'run.history[0].gradients.cosine[0]: expected a list, got 3',
    );
    expect(refusal('run.history.0.health', [{ kind: 'sad' }])).toBe(
      'run.history[0].health[0].kind: expected one of collapsed, unstable, got "sad"',
    );
    expect(refusal('run.info.kind', 'images')).toBe(
      'run.info.kind: expected one of data, objective, got "images"',
    );
    expect(refusal('run.final', 3)).toBe('run.final: expected an object or null, got 3');
    expect(refusal('run.final.tasks.0.name', '')).toBe(
      'run.final.tasks[0].name: expected a non-empty text of at most 200 characters, got ""',
    );
    expect(refusal('run.study', { id: 's', group: 'g', seed: 'one' })).toBe(
      'run.study.seed: expected a whole number, got "one"',
    );
    expect(refusal('run.changes', [{ step: 1 }])).toBe(
      'run.changes[0].what: expected a text of at most 500 characters, got undefined',
    );
  });

  it('refuses what is not a run file at all', () => {
    expect(() => parseRunFile('not json')).toThrow(
      /^file: expected JSON \(an exported run or study\), but it does not parse: /,
    );
    expect(() => parseRunFile('[1]')).toThrow(
      'file: expected an object with "format": "mtl-playground-run", got [1]',
    );
    expect(() =>
      parseRunFile(JSON.stringify({ format: 'mtl-playground-study', version: 1, runs: [] })),
    ).toThrow('runs: expected at least one run, got none');
  });

  it('names files after the run, safely', () => {
    expect(runFileName(makeRun('r', [0], { name: 'PCGrad · MMoE / seed 2' }), 'json')).toBe(
      'PCGrad_MMoE_seed_2.json',
    );
  });
});
