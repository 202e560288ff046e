import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/types';
import { MAX_RUNS, parseStudy } from './parse-study';

const base = { task: { id: 'playground-2d' }, steps: 20, reportEvery: 10 };

/** The one-line message of the ConfigError parseStudy throws for `raw`. */
function problem(raw: unknown): string {
  try {
    parseStudy(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseStudy', () => {
  it('accepts a study and expands a seed count to seeds 1..N', () => {
    const spec = parseStudy({
      base,
      grid: { 'method.id': ['ew', 'pcgrad'] },
      seeds: 3,
      baselines: true,
      name: 'x',
    });
    expect(spec).toEqual({
      base,
      grid: { 'method.id': ['ew', 'pcgrad'] },
      seeds: [1, 2, 3],
      baselines: true,
      name: 'x',
    });
    expect(parseStudy({ base, grid: { 'method.id': ['ew'] }, seeds: [7, 3] }).seeds).toEqual([7, 3]);
    expect(parseStudy({ base, grid: { 'method.id': ['ew'] }, seeds: 1 }).baselines).toBe(false);
  });

  it('names each bad top-level field and what it accepts', () => {
    expect(problem([])).toMatch(/the whole study: expected an object/);
    expect(problem({ base, grid: { 'method.id': ['ew'] }, seeds: 2, seed: 1 })).toMatch(
      /seed: unknown field 'seed'; accepted: base, grid, seeds, baselines, name/,
    );
    expect(problem({ base: 3, grid: { 'method.id': ['ew'] }, seeds: 2 })).toMatch(
      /^base: expected a config object/,
    );
    expect(problem({ base, grid: { 'method.id': ['ew'] }, seeds: 2, baselines: 'yes' })).toMatch(
      /baselines: expected true or false, got "yes"/,
    );
  });

  it('accepts seeds from 1 to 50 or a list of distinct seeds', () => {
    const grid = { 'method.id': ['ew'] };
    expect(problem({ base, grid, seeds: 0 })).toMatch(
      /^seeds: expected seeds, got 0; accepted: a whole number from 1 to 50/,
    );
    expect(problem({ base, grid, seeds: 51 })).toMatch(/^seeds: /);
    expect(problem({ base, grid, seeds: 2.5 })).toMatch(/^seeds: /);
    expect(problem({ base, grid })).toMatch(/^seeds: expected seeds, got undefined/);
    expect(problem({ base, grid, seeds: [1, 'two'] })).toMatch(/^seeds\[1\]: expected a whole number/);
    expect(problem({ base, grid, seeds: [4, 5, 4] })).toMatch(/^seeds\[2\]: seed 4 appears twice/);
    expect(problem({ base, grid, seeds: [] })).toMatch(/^seeds: /);
  });

  it('refuses an empty grid, an empty or overlong list, repeated values and unknown paths', () => {
    expect(problem({ base, grid: {}, seeds: 2 })).toMatch(/^grid: expected at least one path to vary/);
    expect(problem({ base, grid: { 'method.id': [] }, seeds: 2 })).toMatch(
      /^grid\.method\.id: expected a list of 1 to 20 values, got \[\]/,
    );
    expect(problem({ base, grid: { 'method.id': 'ew' }, seeds: 2 })).toMatch(
      /^grid\.method\.id: expected a list/,
    );
    expect(
      problem({
        base,
        grid: { learningRate: Array.from({ length: 21 }, (_, i) => i / 100 + 0.001) },
        seeds: 2,
      }),
    ).toMatch(/^grid\.learningRate: expected a list of 1 to 20 values/);
    expect(problem({ base, grid: { 'method.id': ['ew', 'pcgrad', 'ew'] }, seeds: 2 })).toMatch(
      /^grid\.method\.id\[2\]: "ew" appears twice/,
    );
    expect(problem({ base, grid: { 'methd.id': ['ew'] }, seeds: 2 })).toMatch(
      /^grid\.methd\.id: unknown field methd; accepted: task, architecture, method, optimizer, sampling, learningRate/,
    );
    expect(problem({ base, grid: { seed: [1, 2] }, seeds: 2 })).toMatch(
      /^grid\.seed: seeds are not a grid path; accepted: the top-level "seeds" field/,
    );
  });

  it('names the grid point and the field of an incompatible value', () => {
    expect(problem({ base, grid: { 'method.id': ['ew', 'nope'] }, seeds: 2 })).toMatch(
      /^grid point \(method\.id=nope\): method\.id: unknown method "nope"; accepted: ew, /,
    );
    expect(
      problem({ base, grid: { 'architecture.params.shared': [[true, true], [true]] }, seeds: 2 }),
    ).toMatch(
      /^grid point \(architecture\.params\.shared=\[true\]\): architecture\.params\.shared: expected 2 values/,
    );
    expect(problem({ base, grid: { 'method.params.nope': [1] }, seeds: 2 })).toMatch(
      /^grid point \(method\.params\.nope=1\): method\.params/,
    );
  });

  it('names the grid path that steps through a value with no fields', () => {
    expect(
      problem({ base: { ...base, learningRate: 0.01 }, grid: { 'learningRate.x': [1] }, seeds: 1 }),
    ).toMatch(/^grid\.learningRate\.x: learningRate holds a number \(0\.01\), which has no field x/);
  });

  it('refuses baselines for a suite that trains one point, naming the field', () => {
    expect(
      problem({
        base: { task: { id: 'toy' }, steps: 10, reportEvery: 10 },
        grid: { 'method.id': ['ew'] },
        seeds: 1,
        baselines: true,
      }),
    ).toMatch(
      /^baselines: the 'toy' suite trains one point θ for all tasks, so it has no single-task baseline; accepted here: false/,
    );
  });

  it(`caps a study at ${MAX_RUNS} runs and says how many it asked for`, () => {
    const grid = {
      learningRate: Array.from({ length: 20 }, (_, i) => 0.001 * (i + 1)),
      batchSize: Array.from({ length: 20 }, (_, i) => 8 * (i + 1)),
    };
    expect(problem({ base, grid, seeds: 3 })).toMatch(
      /^grid: 400 grid points × 3 seeds make 1,200 runs, more than 1,000/,
    );
  });
});
