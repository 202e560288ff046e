import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../engine/config/parse';
import { parseCsvText } from '../../engine/tasks/csv/parse';
import { provideCsvData } from '../../engine/tasks/csv/provide';
import { csvTaskParams, dataConfig, DEFAULT_DATA_OPTIONS, trainRows, withPlainChoices } from './data-config';

const SETUP = {
  inputs: ['x1', 'x2'],
  labels: [
    { column: 'side', kind: 'classes' as const },
    { column: 'size', kind: 'regression' as const },
  ],
};
const FILE = { name: 'two-labels.csv', hash: '0123456789abcdef' };

describe('dataConfig', () => {
  it("states the csv task's params, pinned to the file's hash", () => {
    expect(csvTaskParams(FILE, SETUP, DEFAULT_DATA_OPTIONS)).toEqual({
      file: 'two-labels.csv',
      hash: '0123456789abcdef',
      inputs: ['x1', 'x2'],
      labels: ['side', 'size'],
      kinds: ['classes', 'regression'],
      testShare: 0.2,
      missing: 'drop-rows',
      standardize: true,
    });
  });

  it('writes a classes entry only when a label keeps some of its classes', () => {
    expect(csvTaskParams(FILE, SETUP, DEFAULT_DATA_OPTIONS)).not.toHaveProperty('classes');
    const kept = {
      ...SETUP,
      labels: [{ column: 'side', kind: 'classes' as const, classes: ['left', 'right'] }, SETUP.labels[1]!],
    };
    expect(csvTaskParams(FILE, kept, DEFAULT_DATA_OPTIONS).classes).toEqual(['left|right', '']);
  });

  it('holds out ceil(rows × share) test rows, and keeps the batch within the training rows', () => {
    expect(trainRows(400, 0.2)).toBe(320);
    expect(trainRows(11, 0.2)).toBe(8); // 2.2 -> 3 test rows
    const current = parseConfig({});
    expect(dataConfig(current, FILE, SETUP, DEFAULT_DATA_OPTIONS, 400).batchSize).toBe(64);
    expect(dataConfig(current, FILE, SETUP, DEFAULT_DATA_OPTIONS, 11).batchSize).toBe(8);
  });

  it("keeps the user's method and seed on a shared-bottom network, and parses as a valid config", () => {
    // The suite checks the setup against the file: hand it over as the worker does.
    const data = parseCsvText(readFileSync('test/fixtures/csv/two-labels.csv', 'utf8'), 'two-labels.csv');
    provideCsvData(data);
    const setup = {
      inputs: ['x1', 'x2', 'x3'],
      labels: [
        { column: 'side', kind: 'classes' as const },
        { column: 'x4', kind: 'regression' as const },
      ],
    };
    const current = parseConfig({ seed: 7, method: { id: 'pcgrad' } });
    const raw = dataConfig(current, { name: data.name, hash: data.hash }, setup, DEFAULT_DATA_OPTIONS, 400);
    const parsed = parseConfig(raw);
    expect(parsed.task.id).toBe('csv');
    expect(parsed.method.id).toBe('pcgrad');
    expect(parsed.seed).toBe(7);
    expect(parsed.architecture).toMatchObject({
      id: 'layer-sharing',
      params: { widths: [64, 32], shared: [true, true] },
    });
    expect(parseConfig(withPlainChoices(raw)).method.id).toBe('ew');
  });
});
