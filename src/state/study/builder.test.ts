/**
 * The builder's draft → StudySpec: fields come from the specs (no per-field code), values are checked
 * against each spec's range and kind, and every bad value is named with what is accepted.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/config/parse';
import { TRAINING_SETTINGS } from '../../engine/config/settings';
import { METHOD_CARDS } from '../../engine/methods/catalogue';
import { draftToSpec, initialDraft, newRow, type StudyDraft } from './builder';
import { checkStudy } from './study-check';
import { findVaryField, unfitValues, varyFields } from './vary-fields';
import { parseValuesText, type Parsed } from './vary-values';

const config = defaultConfig();
const fields = varyFields(config);
const field = (path: string) => {
  const f = findVaryField(fields, path);
  if (!f) throw new Error(`no field ${path}`);
  return f;
};
const [first, second] = METHOD_CARDS.map((m) => m.id);
const errorOf = (parsed: Parsed): string => ('error' in parsed ? parsed.error : '');
const draft = (over: Partial<StudyDraft>): StudyDraft => ({ ...initialDraft(config), ...over });

describe('vary fields', () => {
  it('offer every registry, the chosen entries’ parameters and the training settings but the seed', () => {
    const paths = fields.map((f) => f.path);
    for (const key of ['task', 'architecture', 'method', 'optimizer', 'sampling'])
      expect(paths).toContain(`${key}.id`);
    expect(paths).toContain('learningRate');
    expect(paths).not.toContain('seed');
    expect(paths).toContain('isolation.clipNorm');
    // The method's choices are the catalogue's, in its order.
    const method = field('method.id');
    expect(method.kind === 'registry' && method.choices.map((c) => c.id)).toEqual(
      METHOD_CARDS.map((m) => m.id),
    );
    // Parameters of the entries chosen in the config, under their own spec.
    const widths = fields.find((f) => f.path === 'architecture.params.widths');
    expect(widths?.kind === 'param' && widths.spec.kind).toBe('number-list');
  });

  it('mark the registry entries the validator refuses in this experiment', () => {
    // The toy's point θ is for objective suites; the default experiment is a data suite.
    expect(unfitValues(config, field('architecture.id')).has('point')).toBe(true);
    expect(unfitValues(config, field('architecture.id')).has(config.architecture.id)).toBe(false);
    expect(unfitValues(config, field('learningRate')).size).toBe(0);
  });

  it('start a row from the base config’s value', () => {
    expect(newRow(field('method.id'), config)).toEqual({
      path: 'method.id',
      ticked: [config.method.id],
      text: '',
    });
    expect(newRow(field('learningRate'), config).text).toBe(String(config.learningRate));
    expect(newRow(field('architecture.params.widths'), config).text).toBe(
      (config.architecture.params.widths as number[]).join(', '),
    );
  });
});

describe('values of a row', () => {
  it('parse numbers in range, in order, once each', () => {
    expect(parseValuesText(field('learningRate'), '0.1, 0.01 ,0.1, 1e-3')).toEqual({
      values: [0.1, 0.01, 0.001],
    });
  });

  it('name the bad value and the accepted range', () => {
    const lr = TRAINING_SETTINGS.learningRate;
    expect(parseValuesText(field('learningRate'), '0.01, 20')).toEqual({
      error: `Learning rate: "20" is not accepted; expected numbers from ${lr.min} to ${lr.max}, separated by commas`,
    });
    expect(parseValuesText(field('batchSize'), '32, 12.5')).toEqual({
      error: 'Batch size: "12.5" is not accepted; expected whole numbers from 1 to 8192, separated by commas',
    });
    expect(errorOf(parseValuesText(field('learningRate'), 'fast'))).toContain('"fast"');
    expect(errorOf(parseValuesText(field('learningRate'), ' , '))).toContain('no values');
  });

  it('parse lists separated by ";" (widths, sharing masks)', () => {
    expect(parseValuesText(field('architecture.params.widths'), '16, 16; 64,64')).toEqual({
      values: [
        [16, 16],
        [64, 64],
      ],
    });
    expect(
      parseValuesText(field('architecture.params.shared'), 'shared, shared; task, task; true, false'),
    ).toEqual({
      values: [
        [true, true],
        [false, false],
        [true, false],
      ],
    });
    expect(errorOf(parseValuesText(field('architecture.params.shared'), 'shared, maybe'))).toContain(
      '"shared, maybe"',
    );
  });
});

describe('draft → study', () => {
  it('makes the grid, seeds 1..N, baselines and the step budget over the open config', () => {
    const result = draftToSpec(
      draft({
        rows: [{ path: 'method.id', ticked: [second as string, first as string], text: '' }],
        seeds: 3,
        baselines: true,
        steps: 40,
      }),
      config,
      fields,
    );
    expect(result.issues).toEqual([]);
    const spec = result.spec!;
    // Ticked values keep the catalogue's order.
    expect(spec.grid).toEqual({ 'method.id': [first, second] });
    expect(spec.seeds).toEqual([1, 2, 3]);
    expect(spec.baselines).toBe(true);
    expect(spec.base.steps).toBe(40);
    expect(spec.base.task).toEqual(config.task);
    expect(spec.name).toBe('Method, 3 seeds, with baselines');
    // The engine plans it: 2 methods × 3 seeds, then one baseline set × 3 seeds.
    expect(checkStudy(spec)).toMatchObject({ runs: 9, steps: 9 * 40, groups: 2 });
  });

  it('collects every problem, each naming its field', () => {
    const result = draftToSpec(
      draft({
        rows: [
          { path: 'method.id', ticked: [], text: '' },
          { path: 'learningRate', ticked: [], text: '0.01, -1' },
          { path: 'no.such.field', ticked: [], text: '1' },
        ],
        seeds: 21,
        steps: 0,
      }),
      config,
      fields,
    );
    expect(result.spec).toBeNull();
    expect(result.issues).toEqual([
      { field: 'method.id', message: 'Method: tick at least one value to compare' },
      {
        field: 'learningRate',
        message:
          'Learning rate: "-1" is not accepted; expected numbers from 0.000001 to 10, separated by commas',
      },
      { field: 'no.such.field', message: 'no.such.field: not a field of this experiment any more' },
      { field: 'seeds', message: 'Seeds: 21 is not accepted; expected a whole number from 1 to 20' },
      {
        field: 'steps',
        message: 'Steps per run: 0 is not accepted; expected a whole number from 1 to 10,000,000',
      },
    ]);
  });

  it('needs a field to vary', () => {
    expect(draftToSpec(draft({ rows: [] }), config, fields).issues).toEqual([
      { field: 'rows', message: 'Add a field to vary: a study compares the values you pick.' },
    ]);
  });

  it('leaves grid-point problems to the engine, which names the point and the field', () => {
    // The toy's point θ is an architecture for objective suites only: the data suite refuses it.
    const result = draftToSpec(
      draft({
        rows: [{ path: 'architecture.id', ticked: ['point', config.architecture.id], text: '' }],
        steps: 5,
      }),
      config,
      fields,
    );
    expect(result.issues).toEqual([]);
    const checked = checkStudy(result.spec);
    expect('issues' in checked && checked.issues.join('\n')).toMatch(
      /architecture.*point|point.*architecture/,
    );
  });
});
