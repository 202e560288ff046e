import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { hiddenWidthsOf } from './baseline';
import { gridPoints, settingsKey } from './grid';
import { parseStudy } from './parse-study';
import { isBaselineGroup, planGroups, planStudy } from './plan-study';

const base = {
  task: { id: 'playground-2d' },
  architecture: {
    id: 'layer-sharing',
    params: { widths: [16, 8], shared: [true, true], activation: 'tanh' },
  },
  steps: 20,
  reportEvery: 10,
};

describe('the grid', () => {
  it('is the cross product in key order, the first path slowest', () => {
    expect(gridPoints({ a: [1, 2], b: ['x', 'y', 'z'] })).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
  });

  it('keys a point by its settings, words bare and other values as JSON', () => {
    expect(settingsKey({ 'method.id': 'pcgrad', 'task.params.correlation': 0.5 })).toBe(
      'method.id=pcgrad, task.params.correlation=0.5',
    );
    expect(settingsKey({ architecture: { params: { b: 1 }, id: 'mmoe' } })).toBe(
      'architecture={"id":"mmoe","params":{"b":1}}',
    );
    expect(settingsKey({ x: '1' })).toBe('x="1"');
  });
});

describe('planStudy', () => {
  it('plans grid points × seeds, then one baseline set over the same seeds', () => {
    const plan = planStudy(
      parseStudy({ base, grid: { 'method.id': ['ew', 'pcgrad', 'mgda'] }, seeds: 2, baselines: true }),
    );
    expect(plan).toHaveLength(3 * 2 + 2);
    expect(plan.map((r) => `${r.group}/${r.seed}`)).toEqual([
      'method.id=ew/1',
      'method.id=ew/2',
      'method.id=pcgrad/1',
      'method.id=pcgrad/2',
      'method.id=mgda/1',
      'method.id=mgda/2',
      'baseline/1',
      'baseline/2',
    ]);
    expect(plan.map((r) => r.config.seed)).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
    expect(plan[2]?.config.method.id).toBe('pcgrad');
    expect(plan.slice(0, 6).every((r) => r.baselineGroup === 'baseline')).toBe(true);
    const baseline = plan[6];
    expect(baseline?.settings).toEqual({});
    expect(baseline?.baselineTasks).toEqual(['xor', 'gauss']);
    // Independent nets with the grid point's widths and heads, equal weights, the same budget and data.
    expect(baseline?.config.architecture).toEqual(
      parseConfig({
        architecture: {
          id: 'layer-sharing',
          params: { widths: [16, 8], shared: [false, false], activation: 'tanh' },
        },
      }).architecture,
    );
    expect(baseline?.config.method.id).toBe('ew');
    expect(baseline?.config.steps).toBe(20);
    expect(baseline?.config.task).toEqual(plan[0]?.config.task);
    expect(planGroups(plan).map((g) => [g.group, g.runs])).toEqual([
      ['method.id=ew', [0, 1]],
      ['method.id=pcgrad', [2, 3]],
      ['method.id=mgda', [4, 5]],
      ['baseline', [6, 7]],
    ]);
  });

  it('makes one baseline set per setting outside architecture and method', () => {
    const spec = parseStudy({
      base: { ...base, task: { id: 'mmoe-synthetic' } },
      grid: { 'task.params.correlation': [0, 0.5], 'method.id': ['ew', 'pcgrad'] },
      seeds: [3],
      baselines: true,
    });
    const plan = planStudy(spec);
    const baselines = plan.filter((r) => isBaselineGroup(r.group));
    expect(baselines.map((r) => r.group)).toEqual([
      'baseline · task.params.correlation=0',
      'baseline · task.params.correlation=0.5',
    ]);
    expect(baselines.map((r) => r.config.task.params.correlation)).toEqual([0, 0.5]);
    expect(plan.filter((r) => !r.baselineTasks).map((r) => r.baselineGroup)).toEqual([
      'baseline · task.params.correlation=0',
      'baseline · task.params.correlation=0',
      'baseline · task.params.correlation=0.5',
      'baseline · task.params.correlation=0.5',
    ]);
  });

  it('applies whole sub-objects and drops the old params when an id changes, as --set does', () => {
    const plan = planStudy(
      parseStudy({
        base,
        grid: { architecture: [{ id: 'layer-sharing', params: { shared: [false, true] } }, { id: 'mmoe' }] },
        seeds: 1,
        baselines: true,
      }),
    );
    expect(plan[0]?.config.architecture.params.shared).toEqual([false, true]);
    expect(plan[1]?.config.architecture.id).toBe('mmoe');
    expect(plan[1]?.settings).toEqual({ architecture: { id: 'mmoe' } });
    // Different widths give different baselines (layer sharing's [32, 32] default; MMoE's expert width [32]).
    expect(plan.slice(2).map((r) => [r.group, r.config.architecture.params.widths])).toEqual([
      ['baseline', [32, 32]],
      ['baseline #2', [32]],
    ]);
    const methods = planStudy(
      parseStudy({
        base: { ...base, method: { id: 'cagrad', params: { c: 0.2 } } },
        grid: { 'method.id': ['pcgrad'] },
        seeds: 1,
      }),
    );
    expect(methods[0]?.config.method).toEqual({ id: 'pcgrad', params: {} });
  });

  it("reads the hidden widths an architecture has, or layer sharing's default", () => {
    expect(hiddenWidthsOf({ widths: [64, 8] })).toEqual([64, 8]);
    expect(hiddenWidthsOf({ expertWidths: [16] })).toEqual([16]);
    expect(hiddenWidthsOf({})).toEqual([32, 32]);
  });

  it('plans no baselines when they are off', () => {
    const plan = planStudy(parseStudy({ base, grid: { learningRate: [0.01, 0.001] }, seeds: 3 }));
    expect(plan).toHaveLength(6);
    expect(plan.every((r) => r.baselineGroup === undefined && !r.baselineTasks)).toBe(true);
    expect(plan[3]?.config.learningRate).toBe(0.001);
  });
});
