/**
 * The csv suite's build on a 6-row file: rows dropped for missing cells, split sizes, inputs and regression
 * targets standardised with the train rows only (numbers recomputed from the raw build), one-hot classes
 * in natural order, a regression target replicated into every output, seeded determinism, hash pinning,
 * and the line a build without its data says.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { registerNodeTaskData } from '../../../backend/node-task-data';
import { ConfigError } from '../../config/types';
import { defaultParams, type AnyParams } from '../../params/spec';
import { Rng } from '../../random/rng';
import type { DataSuiteInstance, TaskSplit } from '../types';
import { naturalOrder } from './columns-to-split';
import { CsvError } from './errors';
import { parseCsvText } from './parse';
import { needsCsvData, provideCsvData, setCsvLoader } from './provide';
import { csvSuite } from './suite';

const six = parseCsvText(
  ['a,b,cls,reg', '1,4,v,10.5', '2,,u,20.5', '3,6,v,30.5', '4,8,u,', '5,10,v,50.5', '6,12,u,60.5'].join('\n'),
  'six.csv',
);
provideCsvData(six, 'data/six.csv');
afterAll(() => provideCsvData(null));

const params = (over: AnyParams = {}): AnyParams => ({
  ...defaultParams(csvSuite.params),
  file: 'data/six.csv',
  inputs: ['a', 'b'],
  labels: ['cls', 'reg'],
  testShare: 0.25,
  ...over,
});
const build = (over: AnyParams = {}, seed = 1) =>
  csvSuite.build(params(over), new Rng(seed)) as DataSuiteInstance;
const shared = (split: TaskSplit) => {
  if (split.mode !== 'shared') throw new Error('expected shared inputs');
  return split;
};

describe('csv suite build', () => {
  it('drops rows with a missing chosen cell, then splits 3 train / 1 test', () => {
    const inst = build();
    expect([shared(inst.train).count, shared(inst.test).count]).toEqual([3, 1]);
    expect(inst.inputDim).toBe(2);
    expect(inst.outputDim).toBe(2); // cls has 2 classes; reg has 1 output
    expect(inst.tasks.map((t) => [t.name, t.loss, t.metric])).toEqual([
      ['cls', 'softmax-ce', 'accuracy'],
      ['reg', 'mse', 'r2'],
    ]);
    expect(inst.tasks[0]).toMatchObject({ classes: 2, classNames: ['u', 'v'] });
  });

  it('standardises inputs and targets with the train rows only', () => {
    const raw = build({ standardize: false });
    const std = build();
    const rawTrain = shared(raw.train);
    // Kept rows: a = 1, 3, 5, 6 (b = 4, 6, 10, 12; reg = 10.5, 30.5, 50.5, 60.5).
    const a = [0, 1, 2].map((s) => rawTrain.x[s * 2] as number);
    expect([...a, shared(raw.test).x[0]].sort((p, q) => (p as number) - (q as number))).toEqual([1, 3, 5, 6]);
    const mean = a.reduce((s, v) => s + v, 0) / 3;
    const sd = Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / 3);
    [0, 1, 2].forEach((s) =>
      expect(shared(std.train).x[s * 2]).toBeCloseTo(((a[s] as number) - mean) / sd, 5),
    );
    expect(shared(std.test).x[0]).toBeCloseTo(((shared(raw.test).x[0] as number) - mean) / sd, 5);
    // The regression target (task 1), with its scale reported.
    const reg = [0, 1, 2].map((s) => rawTrain.y[(s * 2 + 1) * 2] as number);
    const regMean = reg.reduce((s, v) => s + v, 0) / 3;
    const regSd = Math.sqrt(reg.reduce((s, v) => s + (v - regMean) ** 2, 0) / 3);
    expect(std.tasks[1]?.targetScale?.mean).toBeCloseTo(regMean, 10);
    expect(std.tasks[1]?.targetScale?.std).toBeCloseTo(regSd, 10);
    expect(raw.tasks[1]?.targetScale).toBeUndefined();
    const testReg = shared(raw.test).y[2] as number;
    expect(shared(std.test).y[2]).toBeCloseTo((testReg - regMean) / regSd, 5);
  });

  it('one-hot classes, a regression target in every output, rows kept whole', () => {
    const inst = build({ standardize: false });
    const rows = new Map([
      [1, ['v', 10.5]],
      [3, ['v', 30.5]],
      [5, ['v', 50.5]],
      [6, ['u', 60.5]],
    ]);
    for (const split of [inst.train, inst.test].map(shared)) {
      for (let s = 0; s < split.count; s++) {
        const [cls, reg] = rows.get(split.x[s * 2] as number)!;
        const y = Array.from(split.y.subarray(s * 4, s * 4 + 4));
        expect(y).toEqual([cls === 'u' ? 1 : 0, cls === 'v' ? 1 : 0, reg, reg]);
      }
    }
  });

  it('is deterministic under a seed, and another seed splits otherwise', () => {
    expect(build({}, 5)).toEqual(build({}, 5));
    const tests = new Set(
      Array.from({ length: 8 }, (_, s) => shared(build({ standardize: false }, s).test).x[0]),
    );
    expect(tests.size).toBeGreaterThan(1);
  });

  it('keeps every row with reject when nothing chosen is missing, and refuses a missing cell', () => {
    const all = build({ inputs: ['a'], labels: ['cls'], missing: 'reject' });
    expect([shared(all.train).count, shared(all.test).count]).toEqual([4, 2]); // round(0.25 · 6) = 2 test rows
    expect(() => build({ missing: 'reject' })).toThrow(ConfigError);
    expect(() => build({ missing: 'reject' })).toThrow(
      "task.params.inputs[1]: 'b' is missing in row 3; accepted with missing 'reject': a value in every row of a chosen column (or missing 'drop-rows' to leave such rows out)",
    );
  });

  it('uses data with the pinned hash only, and says which file it needs when it has none', () => {
    expect(build({ hash: six.hash }).tasks).toHaveLength(2);
    let refused: unknown;
    try {
      build({ hash: '0123456789abcdef' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CsvError);
    expect((refused as CsvError).where).toEqual({ field: 'hash' });
    expect((refused as CsvError).message).toBe(
      `data/six.csv: the file's content hash is ${six.hash}, the config pins 0123456789abcdef: it is not the same data; accepted: the file with hash 0123456789abcdef (or an empty hash to use whatever file has this name)`,
    );
    setCsvLoader(null);
    try {
      expect(() => build({ file: 'other.csv', hash: 'feedfacefeedface' })).toThrow(
        'the data file other.csv (hash feedfacefeedface) is not loaded: in the app, drop the file on the page; in the CLI, give its path relative to the config file',
      );
      // Without the data the config check cannot look at the columns: it says nothing until the data is there.
      expect(csvSuite.check?.(params({ file: 'other.csv' }))).toEqual([]);
    } finally {
      registerNodeTaskData();
    }
    expect(needsCsvData({ task: { id: 'csv', params: { file: 'x.csv' } } })).toEqual({
      file: 'x.csv',
      hash: '',
    });
    expect(needsCsvData({ task: { id: 'toy' } })).toBeNull();
  });

  it('checks a config against its data, and the kinds list length without it', () => {
    const [issue, ...more] = csvSuite.check?.(params({ labels: ['cls', 'nope'] })) ?? [];
    expect(more).toEqual([]);
    expect(issue?.path).toBe('labels[1]');
    expect(issue?.message).toMatch(/^no column 'nope' in six\.csv; accepted: 'a', 'b', 'cls', 'reg'$/);
    expect(csvSuite.check?.(params({ kinds: ['classes'] }))?.[0]?.message).toBe(
      'expected 2 kinds (one per label column) or an empty list, got 1',
    );
  });
});

describe('naturalOrder', () => {
  it('numbers numerically, then text alphabetically', () => {
    expect(naturalOrder(['10', 'b', '9', 'A', '-1', 'a'])).toEqual(['-1', '9', '10', 'A', 'a', 'b']);
  });
});
